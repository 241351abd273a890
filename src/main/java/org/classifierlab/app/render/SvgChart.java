package org.classifierlab.app.render;

/** A chart that can write itself as SVG, with the same drawing code that paints it on screen. FX thread only. */
public interface SvgChart {

    /** The chart as an SVG document, at its size on screen. */
    String toSvg();
}
