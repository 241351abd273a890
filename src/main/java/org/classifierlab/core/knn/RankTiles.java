package org.classifierlab.core.knn;

/**
 * Tiles of rank keys (squared distance for L2, distance otherwise) between blocks of queries and chunks
 * of references for one search. Read-only once {@link #prepare} has run (callers join in between);
 * each thread computes with its own {@link Worker}.
 */
abstract class RankTiles {

    /** Queries per tile; a multiple of {@link L2Kernel#MR}. */
    static final int QUERY_BLOCK = 64;

    final Metric metric;
    final int cols;

    RankTiles(Metric metric, int cols) {
        this.metric = metric;
        this.cols = cols;
    }

    /**
     * Tiles for uint8 rows: the blocked matrix product for L2 with at least {@code gemmMinQueries}
     * queries of at most {@link L2Kernel#MAX_EXACT_COLS} values, the direct kernels otherwise.
     */
    static RankTiles of(ByteMatrix queries, ByteMatrix refs, Metric metric, int superBlock, int gemmMinQueries) {
        if (metric == Metric.L2 && queries.rows() >= gemmMinQueries && queries.cols() <= L2Kernel.MAX_EXACT_COLS) {
            return new Gemm(queries.data(), null, refs.data(), null, queries.rows(), queries.cols(), superBlock);
        }
        return new Direct(metric, queries.data(), null, refs.data(), null, queries.cols());
    }

    /** Tiles for float rows, choosing like {@link #of(ByteMatrix, ByteMatrix, Metric, int, int)}. */
    static RankTiles of(FloatMatrix queries, FloatMatrix refs, Metric metric, int superBlock, int gemmMinQueries) {
        if (metric == Metric.L2 && queries.rows() >= gemmMinQueries) {
            return new Gemm(null, queries.data(), null, refs.data(), queries.rows(), queries.cols(), superBlock);
        }
        return new Direct(metric, null, queries.data(), null, refs.data(), queries.cols());
    }

    /** References per chunk. */
    abstract int chunkSize();

    /** Part {@code part} of {@code parts} of readying queries [q0, q0 + qn) as the current super-block. */
    void prepare(int q0, int qn, int part, int parts) {
    }

    /** A new worker: per-thread scratch space. */
    abstract Worker worker();

    /** One thread's scratch space and tile. Mutable; one thread. */
    abstract static class Worker {
        /** The tile written by {@link #tile}, row stride {@link #ldc}. */
        final double[] tile;
        final int ldc;

        Worker(int ldc) {
            this.ldc = ldc;
            this.tile = new double[QUERY_BLOCK * ldc];
        }

        /** Readies reference rows [r0, r0 + rn), at most one chunk. */
        void beginChunk(int r0, int rn) {
        }

        /**
         * Writes the rank keys of queries [q0, q0 + qn) (absolute rows, inside the current super-block,
         * qn ≤ {@link #QUERY_BLOCK}) against the current chunk's references to the tile.
         */
        abstract void tile(int q0, int qn, int r0, int rn);

        /**
         * Whether {@link #offer} is available: it then replaces {@link #tile} followed by offering the
         * whole tile.
         */
        boolean offersDirectly() {
            return false;
        }

        /**
         * Offers queries [q0, q0 + qn) against the current chunk's references to {@code cand} queries
         * [c0, c0 + qn), in ascending row order, skipping references that cannot enter its lists.
         */
        void offer(int q0, int qn, int r0, int rn, NeighbourCandidates cand, int c0) {
            throw new UnsupportedOperationException();
        }
    }

    /** Direct kernels: no packing, any metric. */
    private static final class Direct extends RankTiles {
        private static final int CHUNK = 64;
        private final byte[] queryBytes;
        private final float[] queryFloats;
        private final byte[] refBytes;
        private final float[] refFloats;

        Direct(Metric metric, byte[] queryBytes, float[] queryFloats, byte[] refBytes, float[] refFloats, int cols) {
            super(metric, cols);
            this.queryBytes = queryBytes;
            this.queryFloats = queryFloats;
            this.refBytes = refBytes;
            this.refFloats = refFloats;
        }

        @Override
        int chunkSize() {
            return CHUNK;
        }

        @Override
        Worker worker() {
            return new Worker(CHUNK) {
                private final double[] four = new double[4];

                @Override
                boolean offersDirectly() {
                    return queryBytes != null && metric == Metric.L2;
                }

                @Override
                void offer(int q0, int qn, int r0, int rn, NeighbourCandidates cand, int c0) {
                    ByteKernel.l2Offer(queryBytes, refBytes, cols, q0, qn, r0, rn, cand, c0, four);
                }

                @Override
                void tile(int q0, int qn, int r0, int rn) {
                    if (queryBytes != null) {
                        ByteKernel.tile(metric, queryBytes, refBytes, cols, q0, qn, r0, rn, tile, ldc);
                    } else {
                        FloatKernel.tile(metric, queryFloats, refFloats, cols, q0, qn, r0, rn, tile, ldc);
                    }
                }
            };
        }
    }

    /**
     * L2 through ‖a‖² + ‖b‖² − 2a·b with {@link L2Kernel}: the super-block's queries are packed once,
     * each chunk of references once per super-block; norms come from the packed rows like the dot
     * products, so identical rows are at exactly 0.
     */
    private static final class Gemm extends RankTiles {
        private static final int CHUNK = 256;

        private final byte[] queryBytes;
        private final float[] queryFloats;
        private final byte[] refBytes;
        private final float[] refFloats;
        /** Squared norms of the super-block's queries, indexed from its first row. */
        private final double[] queryNorms;
        private final float[] packedQueries;
        /** uint8 rows: dot products and norms are exact integers. */
        private final boolean exact;
        private int superBlockStart;
        private int superBlockPanels;

        Gemm(byte[] queryBytes, float[] queryFloats, byte[] refBytes, float[] refFloats, int queryRows, int cols,
             int superBlock) {
            super(Metric.L2, cols);
            this.queryBytes = queryBytes;
            this.queryFloats = queryFloats;
            this.refBytes = refBytes;
            this.refFloats = refFloats;
            this.queryNorms = new double[Math.min(superBlock, queryRows) + L2Kernel.MR];
            this.exact = queryBytes != null;
            int maxPanels = (Math.min(superBlock, queryRows) + L2Kernel.MR - 1) / L2Kernel.MR;
            this.packedQueries = new float[Math.multiplyExact(maxPanels * L2Kernel.MR, cols)];
        }

        @Override
        int chunkSize() {
            return CHUNK;
        }

        @Override
        void prepare(int q0, int qn, int part, int parts) {
            int panels = (qn + L2Kernel.MR - 1) / L2Kernel.MR;
            int from = panels * part / parts;
            int to = panels * (part + 1) / parts;
            if (queryBytes != null) {
                L2Kernel.pack(queryBytes, cols, q0, q0 + qn, L2Kernel.MR, panels, from, to, packedQueries, queryNorms);
            } else {
                L2Kernel.pack(queryFloats, cols, q0, q0 + qn, L2Kernel.MR, panels, from, to, packedQueries, queryNorms);
            }
            if (part == 0) {
                superBlockStart = q0;
                superBlockPanels = panels;
            }
        }

        @Override
        Worker worker() {
            return new Worker(CHUNK) {
                private final float[] packedRefs = new float[Math.multiplyExact(CHUNK, cols)];
                private final double[] refNorms = new double[CHUNK];
                private final int[] intDots = exact ? new int[QUERY_BLOCK * CHUNK] : null;
                private final float[] floatDots = exact ? null : new float[QUERY_BLOCK * CHUNK];
                private int refPanels;

                @Override
                void beginChunk(int r0, int rn) {
                    refPanels = (rn + L2Kernel.NR - 1) / L2Kernel.NR;
                    if (refBytes != null) {
                        L2Kernel.pack(refBytes, cols, r0, r0 + rn, L2Kernel.NR, refPanels, 0, refPanels, packedRefs,
                                refNorms);
                    } else {
                        L2Kernel.pack(refFloats, cols, r0, r0 + rn, L2Kernel.NR, refPanels, 0, refPanels, packedRefs,
                                refNorms);
                    }
                }

                @Override
                void tile(int q0, int qn, int r0, int rn) {
                    int panel0 = (q0 - superBlockStart) / L2Kernel.MR;
                    int panels = (qn + L2Kernel.MR - 1) / L2Kernel.MR;
                    if (exact) {
                        L2Kernel.multiply(packedQueries, superBlockPanels, panel0, panels, packedRefs, refPanels, cols,
                                intDots, ldc);
                    } else {
                        L2Kernel.multiply(packedQueries, superBlockPanels, panel0, panels, packedRefs, refPanels, cols,
                                floatDots, ldc);
                    }
                    for (int i = 0; i < qn; i++) {
                        double qNorm = queryNorms[q0 - superBlockStart + i];
                        int row = i * ldc;
                        for (int j = 0; j < rn; j++) {
                            double dot = exact ? intDots[row + j] : floatDots[row + j];
                            tile[row + j] = Math.max(0.0, refNorms[j] + qNorm - (dot + dot));
                        }
                    }
                }
            };
        }
    }
}
