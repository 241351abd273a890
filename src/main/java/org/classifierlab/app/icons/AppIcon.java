package org.classifierlab.app.icons;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/** Every icon the app shows, named by meaning and mapped to one Material Design glyph. FX thread only. */
public enum AppIcon {
    KNN_PLAYGROUND(MaterialDesignS.SCATTER_PLOT),
    LINEAR_CLASSIFIER(MaterialDesignV.VECTOR_LINE),
    STEP(MaterialDesignS.STEP_FORWARD),
    RUN(MaterialDesignP.PLAY),
    STOP(MaterialDesignS.STOP),
    RANDOMISE(MaterialDesignD.DICE_5),
    RESET(MaterialDesignR.RESTORE),
    GRADIENT_CHECK(MaterialDesignC.CALCULATOR_VARIANT),
    FIT_VIEW(MaterialDesignF.FIT_TO_SCREEN_OUTLINE),
    LOSS_EXPLORER(MaterialDesignC.CHART_BAR),
    ADD_EXAMPLE(MaterialDesignT.TABLE_ROW_PLUS_AFTER),
    UNDO(MaterialDesignU.UNDO),
    REDO(MaterialDesignR.REDO),
    REGENERATE(MaterialDesignR.REFRESH),
    RANDOM_SEED(MaterialDesignD.DICE_MULTIPLE),
    EXPORT(MaterialDesignE.EXPORT),
    COPY(MaterialDesignC.CONTENT_COPY),
    FULL_SCREEN(MaterialDesignF.FULLSCREEN),
    SHORTCUTS(MaterialDesignK.KEYBOARD),
    THEME(MaterialDesignT.THEME_LIGHT_DARK),
    SIDE_BY_SIDE(MaterialDesignV.VIEW_SPLIT_VERTICAL),
    BEST_K(MaterialDesignC.CHECK_CIRCLE_OUTLINE),
    IMAGE_NEIGHBOURS(MaterialDesignI.IMAGE_SEARCH_OUTLINE),
    IMAGE_LINEAR(MaterialDesignV.VIEW_GRID_OUTLINE),
    OPEN_IMAGE(MaterialDesignF.FOLDER_IMAGE),
    BACK(MaterialDesignA.ARROW_LEFT),
    FORWARD(MaterialDesignA.ARROW_RIGHT);

    private final Ikon ikon;

    AppIcon(Ikon ikon) {
        this.ikon = ikon;
    }

    public Ikon ikon() {
        return ikon;
    }

    /** A new icon node; size and colour come from CSS ({@code .ikonli-font-icon}). */
    public FontIcon node() {
        return new FontIcon(ikon);
    }
}
