// The map stage's public face: the 2-D layout of themes and papers, and each theme's nearest themes.
export { layoutMap } from './layout.js';
export { nearestThemes } from './neighbours.js';
