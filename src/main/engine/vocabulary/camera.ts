/** Camera words: moves, named framings that choose a lens, and depth of field. */

export const cameraMoveIds = [
  'static',
  'pushIn',
  'pullOut',
  'panLeft',
  'panRight',
  'tiltUp',
  'tiltDown',
  'truckLeft',
  'truckRight',
  'craneUp',
  'craneDown',
  'orbit',
  'handheld',
  'zoomIn',
  'zoomOut',
  'rackFocus',
  'drone',
  'fpv',
] as const;
export type CameraMoveId = (typeof cameraMoveIds)[number];

export const cameraWords: Record<CameraMoveId, string> = {
  static: 'static|locked off|locked|still camera|fixed camera|tripod|static shot|no camera movement|stationary',
  pushIn: 'push in|push|dolly in|dolly forward|move in|track in|close in|creep in|push forward|dolly',
  pullOut: 'pull out|pull back|dolly out|dolly back|move out|move back|track out|track back|reveal|pullback|to show',
  panLeft: 'pan left|pans left|panning left',
  panRight: 'pan right|pan|panning|pans right|whip pan|sweep',
  tiltUp: 'tilt up|tilt|tilting up|look up shot',
  tiltDown: 'tilt down|tilting down',
  truckLeft: 'truck left|track left|slide left|crab left',
  truckRight:
    'truck right|track right|slide right|crab right|truck|track|tracking shot|tracking|lateral move|side move|slider|follow|follow shot|following',
  craneUp: 'crane up|crane|jib up|boom up|rising shot|pedestal up|jib|boom|aerial rise',
  craneDown: 'crane down|jib down|boom down|pedestal down|descending shot',
  orbit: 'orbit|arc shot|arc around|circle around|orbiting|circling|circle',
  handheld:
    'handheld|hand held|shaky|shake|camera shake|documentary|nature documentary|wildlife documentary|found footage|unsteady|wobbly|handheld feel|pov|point of view|first person',
  zoomIn: 'zoom in|zoom|crash zoom|zooming in',
  zoomOut: 'zoom out|zooming out',
  rackFocus: 'rack focus|focus pull|pull focus|rack|focus shift|shift focus',
  drone: 'drone shot|drone|aerial shot|aerial|aerial view|birds eye view|flyover|fly over|aerial flyover|drone flyover',
  fpv: 'fpv|fpv drone|first person view|fly through|flythrough|fpv shot',
};

/**
 * Camera phrases that move the camera wherever they are written, a Scene paragraph included ("a slow
 * orbit around her", "whip pan to the door", "drone shot pulling back"): none of them names a thing
 * or an action in the picture. Words that also do ("pan", "truck", "crane", "follow", "circle",
 * "reveal", "sweep") are camera moves only in a Camera line.
 */
export const proseCameraWords: Partial<Record<CameraMoveId, string>> = {
  static: 'static shot|locked off|locked off shot|static camera|no camera movement',
  pushIn: 'push in|dolly in|dolly forward|dolly|dolly shot|push forward|camera pushes in',
  pullOut: 'pull out|pull back|pullback|dolly out|dolly back',
  panLeft: 'pan left|whip pan left',
  panRight: 'pan right|whip pan|whip pan right|swish pan|camera pans|panning shot',
  tiltUp: 'tilt up|camera tilts up',
  tiltDown: 'tilt down|camera tilts down',
  truckLeft: 'truck left|track left',
  truckRight: 'truck right|track right|tracking shot|tracking|tracking camera|follow shot|lateral tracking|camera tracks',
  craneUp: 'crane up|crane shot|jib up|boom up|rising shot|camera rises',
  craneDown: 'crane down|jib down|boom down|descending shot|camera lowers',
  orbit: 'orbit|orbiting|orbit shot|arc shot|arc around|camera circles',
  handheld: 'handheld|hand held|handheld camera|shaky cam|shakycam|camera shake|found footage|pov shot',
  zoomIn: 'zoom in|crash zoom',
  zoomOut: 'zoom out',
  rackFocus: 'rack focus|focus pull|pull focus',
  drone: 'drone|drone shot|aerial shot|aerial view|aerial|birds eye view|drone flyover|aerial flyover|drone footage',
  fpv: 'fpv|fpv drone|fpv shot|first person view',
};

/**
 * Verbs that are camera moves only in a Camera line ("Camera: low angle, rising"); elsewhere
 * they belong to what is in the picture ("the lantern rises").
 */
export const cameraLineWords: Record<
  Extract<CameraMoveId, 'craneUp' | 'craneDown' | 'truckLeft' | 'truckRight'>,
  string
> = {
  truckLeft: 'to the left|toward the left|towards the left',
  truckRight: 'to the right|toward the right|towards the right',
  craneUp: 'rising|rises|rise|rise up|rising up|ascending|ascends|ascend|camera rises',
  craneDown: 'descending|descends|descend|lowering|lowers|camera lowers',
};

/**
 * How a camera travels when a sentence makes it the subject ("the drone rockets along", "the
 * camera drifts"): the move named beside it, else a glide along the view. Read only in Camera.
 */
export const cameraTravelWords =
  'glide|drift|float|hover|soar|swoop|dive|race|rocket|skim|speed|fly|weave|travel|move|rush|zip|cruise|hurtle|barrel|careen|tear';

/** Words that make an orbit go all the way round the subject. */
export const fullOrbitWords =
  'full orbit|full circle|complete orbit|complete circle|360|full 360|360 orbit|orbit 360|360 degree orbit|' +
  'all the way around|all the way round|circle all the way around|orbit all the way around|full turn|full rotation';

/** Speed words that make a move start at full speed and settle, rather than ease in. */
export const suddenWords = 'sudden|suddenly|abrupt|abruptly|snap|snappy|instant|instantly';

/** Where the camera stands against its subject's eyes. */
export type CameraAngle = 'eye' | 'low' | 'high';

export const angleWords: Record<string, CameraAngle> = {
  'low angle': 'low',
  'low angle shot': 'low',
  'low shot': 'low',
  'worm eye view': 'low',
  'worms eye view': 'low',
  'high angle': 'high',
  'high angle shot': 'high',
  'eye level': 'eye',
  'eye level shot': 'eye',
};

/**
 * Shot sizes that frame a face: a lens, and how tall the frame is at the subject in head
 * heights (a close-up shows head and shoulders, an extreme close-up little more than the head).
 */
export const faceFramingWords: Record<string, { mm: number; heads: number }> = {
  'medium close up': { mm: 70, heads: 4.5 },
  'head and shoulders': { mm: 70, heads: 4 },
  'close up': { mm: 85, heads: 3.2 },
  closeup: { mm: 85, heads: 3.2 },
  'close shot': { mm: 85, heads: 3.2 },
  'close on': { mm: 85, heads: 3.2 },
  'face close up': { mm: 85, heads: 2.8 },
  'tight close up': { mm: 100, heads: 2.4 },
  'tight on the face': { mm: 100, heads: 2.4 },
  'tight on her face': { mm: 100, heads: 2.4 },
  'tight on his face': { mm: 100, heads: 2.4 },
  'tight on their face': { mm: 100, heads: 2.4 },
  'tight on the face of': { mm: 100, heads: 2.4 },
  'extreme close up': { mm: 135, heads: 1.8 },
  'extreme closeup': { mm: 135, heads: 1.8 },
};

/** Named framings that choose a lens when no focal length is given. */
export const lensWords: Record<string, number> = {
  'ultra wide': 16,
  fisheye: 12,
  'wide angle': 24,
  'wide shot': 28,
  wide: 24,
  'establishing shot': 24,
  'full shot': 35,
  'medium shot': 50,
  'two shot': 40,
  'medium two shot': 40,
  'medium wide shot': 35,
  'medium wide': 35,
  'portrait lens': 85,
  telephoto: 135,
  'long lens': 135,
  macro: 100,
  'normal lens': 50,
};

export const depthWords: Record<string, number> = {
  'depth of field': 0.6,
  'shallow depth of field': 1,
  'shallow focus': 1,
  dof: 0.6,
  bokeh: 0.9,
  'soft background': 0.7,
  'blurred background': 0.8,
  'deep focus': 0,
  'everything in focus': 0,
  'sharp focus': 0,
};
