/**
 * Low-dimensional embeddings of image rows for the pixel-space map: PCA of uint8 rows and Barnes–Hut t-SNE.
 */
package org.classifierlab.core.embedding;
