/** Words that carry no element of their own: things never drawn, framing filler, stop words, negators. */

/** Things the engine never draws, so asking to leave them out is already satisfied. */
export const neverDrawnWords =
  'logo|product logo|brand|branding|text|watermark|subtitle|caption|title|signage|label|advert|advertisement';

/** Words that frame a phrase without adding to it: "warm tones", "hand-held feel", "in the background", "in the distance". */
export const fillerWords =
  'feel|feeling|look|tone|tones|style|shot|scene|sound|noise|effect|ambience|ambient|ambiance|background|foreground|distance|atmosphere|mood|vibe|quality|lighting|light|color|colour|colors|colours|movement|motion|camera|lens|frame|framing|view|audio|soundscape|cinematic|film|footage|picture|image|overall|subject|mm|throughout|everywhere|detail|details|texture|eye level|eye-level|eye height|sky|horizon|floor|ground|in front of|in front|from the side|palette|close behind|close by|grown|era|decade|grade|color grade|colour grade|grading|color grading|colour grading|open plan';

/** Function words carry no content of their own. */
export const stopWords = new Set(
  (
    'a an the and or but of in on at by to with from into onto over under near beside behind across through ' +
    'its it his her their them they this that these those is are was were be been being has have had ' +
    'as while then when where who which what there here so very just also some any all each every ' +
    'up down out off away around about above below toward towards against along past between among within ' +
    'for upon until after before during again still now my your our we you i me us him one of' +
    ' s than too more most much only own same such can could will would should may might must do does did' +
    ' overhead alongside beneath underneath how outside beyond inside'
  ).split(/\s+/),
);

/** Words that negate what follows: "no grain", "without people". */
export const negators = new Set(['no', 'not', 'without', 'never', 'none', 'nothing', 'avoid', 'exclude', 'remove']);
