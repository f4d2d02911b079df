/** The palette lives in common/ so the printed report draws the graph with the same colours and shapes. */
export * from '../../../common/palette';
