/** Width in pixels of a clip's card poster: a library card's poster box at its widest, as laid out. */
export const CARD_POSTER_WIDTH = 320;
