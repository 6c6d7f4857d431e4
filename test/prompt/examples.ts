/** The seed article's lantern shot, with a length: the prompt the tests come back to. */
export const LANTERN_SHOT = `Title: Lantern at dusk
Scene: A young girl releases a lantern by a riverside at dusk.
Camera: Slow push-in, 50mm depth-of-field, hand-held feel.
Motion: Hair gently moves; lantern rises; ripples form.
Audio: Crickets in the background, soft water splash at 00:03, wind chime at 00:06.
Dialogue: [00:02] Girl: "Go on, fly!"
Style: Soft lighting, warm tones, no grain, subtle vignette.
Negative: no close-ups, no product logos
Duration: 8s
`;
