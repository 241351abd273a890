/** Image datasets and their file formats: CIFAR-10/100 (binary and python), IDX, the bundled sample, downloads. */
package org.classifierlab.core.data;
