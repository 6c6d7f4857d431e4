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
  pullOut: 'pull out|pull back|dolly out|dolly back|move out|move back|track out|track back|reveal|pullback',
  panLeft: 'pan left|pans left|panning left',
  panRight: 'pan right|pan|panning|pans right|whip pan|sweep',
  tiltUp: 'tilt up|tilt|tilting up|look up shot',
  tiltDown: 'tilt down|tilting down',
  truckLeft: 'truck left|track left|slide left|crab left',
  truckRight:
    'truck right|track right|slide right|crab right|truck|tracking shot|tracking|lateral move|side move|slider|follow|follow shot|following',
  craneUp: 'crane up|crane|jib up|boom up|rising shot|pedestal up|jib|boom|aerial rise',
  craneDown: 'crane down|jib down|boom down|pedestal down|descending shot',
  orbit: 'orbit|arc shot|arc around|circle around|360|orbiting|circling',
  handheld:
    'handheld|hand held|shaky|shake|camera shake|documentary|unsteady|wobbly|handheld feel|pov|point of view|first person',
  zoomIn: 'zoom in|zoom|crash zoom|zooming in',
  zoomOut: 'zoom out|zooming out',
  rackFocus: 'rack focus|focus pull|pull focus|rack|focus shift|shift focus',
  drone: 'drone shot|drone|aerial shot|aerial|aerial view|birds eye view|flyover|fly over|aerial flyover|drone flyover',
  fpv: 'fpv|fpv drone|first person view|fly through|flythrough|fpv shot',
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
  'medium close up': 70,
  'close up': 85,
  closeup: 85,
  'portrait lens': 85,
  'extreme close up': 135,
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
