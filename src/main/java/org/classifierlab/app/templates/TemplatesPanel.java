package org.classifierlab.app.templates;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.controlsfx.control.SegmentedButton;
import org.classifierlab.app.concurrent.LatestWinsWorker;
import org.classifierlab.app.icons.AppIcon;
import org.classifierlab.app.shell.ControlPanel;
import org.classifierlab.core.linear.image.ImageLoss;
import org.classifierlab.core.linear.image.LinearImageData;
import org.classifierlab.core.linear.image.LinearImageModel;
import org.classifierlab.core.linear.image.TemplateImages;

/**
 * The "visual viewpoint": the rows of W as images, one grid per trained loss side by side, re-rendered on a
 * latest-wins worker whenever the shown models change (live while training), with the normalisation, channel, zoom
 * and, for more than 20 classes, pages. Clicking a template asks for its class's highest and lowest scoring
 * training images. FX thread only; only the rendering runs on the worker.
 */
final class TemplatesPanel extends VBox {

    /** Classes per page when there are more than {@link #PAGE_LIMIT} (CIFAR-100: five pages). */
    static final int PAGE_SIZE = 20;
    static final int PAGE_LIMIT = 20;

    /** A snapshot of what to draw, taken on the FX thread. */
    private record Request(Map<ImageLoss, LinearImageModel> models, LinearImageData data,
                           TemplateImages.Normalisation norm, TemplateImages.Channel channel, int from, int to, int zoom) {
    }

    private record Rendered(Request request, Map<ImageLoss, int[][]> images) {
    }

    /** Receives a clicked template: the loss whose grid it is in and the class. */
    interface PickListener {
        void picked(ImageLoss loss, int classIndex);
    }

    private final ImageLinearViewModel vm;
    private final Map<ImageLoss, TemplateGrid> grids = new EnumMap<>(ImageLoss.class);
    private final HBox gridRow = new HBox(12);
    private final ComboBox<TemplateImages.Normalisation> norm =
            new ComboBox<>(FXCollections.observableArrayList(TemplateImages.Normalisation.values()));
    private final SegmentedButton channels = new SegmentedButton();
    private final Slider zoom = new Slider(1, 6, 2);
    private final Label pageLabel = new Label();
    private final Button previousPage = ControlPanel.iconButton(AppIcon.BACK, "Previous page of classes (Page Up)",
            () -> turnPage(-1));
    private final Button nextPage = ControlPanel.iconButton(AppIcon.FORWARD, "Next page of classes (Page Down)",
            () -> turnPage(1));
    private final Label note = new Label();
    private final LatestWinsWorker<Request, Rendered> renderer;
    private int page;
    private long renders;
    private long liveRenders;
    private long firstLive;
    private long lastLive;
    private PickListener onPick = (l, c) -> { };

    TemplatesPanel(ImageLinearViewModel vm, Consumer<Throwable> onError) {
        super(8);
        this.vm = vm;
        setId("templatesPanel");
        getStyleClass().add("templates-panel");
        renderer = new LatestWinsWorker<>("template-renderer", TemplatesPanel::render, this::publish, onError);
        for (ImageLoss l : ImageLoss.values()) {
            TemplateGrid g = new TemplateGrid(l == ImageLoss.SVM ? "templatesSvm" : "templatesSoftmax");
            g.setOnPick(c -> pick(l, c));
            grids.put(l, g);
        }
        norm.setId("templateNormalisation");
        norm.setConverter(ControlPanel.displayNames(TemplateImages.Normalisation::label));
        norm.setValue(TemplateImages.Normalisation.GLOBAL);
        norm.setTooltip(new Tooltip("Global: one range for all templates, as the notebooks draw them (brightness "
                + "compares across classes). Per class: each template stretched to its own range (shapes show better)."));
        for (TemplateImages.Channel c : TemplateImages.Channel.values()) {
            ToggleButton b = new ToggleButton(c.label());
            b.setUserData(c);
            b.setId("channel" + c.name());
            b.setTooltip(new Tooltip(c == TemplateImages.Channel.COLOUR ? "The three channels as colour"
                    : "Only the " + c.label() + " weights, as grey"));
            channels.getButtons().add(b);
        }
        channels.getButtons().get(0).setSelected(true);
        channels.getToggleGroup().selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                a.setSelected(true);
            } else {
                request();
            }
        });
        zoom.setId("templateZoom");
        zoom.setMajorTickUnit(1);
        zoom.setMinorTickCount(0);
        zoom.setSnapToTicks(true);
        zoom.setShowTickMarks(true);
        zoom.setPrefWidth(120);
        zoom.setTooltip(new Tooltip("Enlargement: every weight a sharp square (+ / −)"));
        zoom.valueProperty().addListener((o, a, v) -> request());
        norm.valueProperty().addListener((o, a, v) -> request());
        previousPage.setId("templatesPreviousPage");
        nextPage.setId("templatesNextPage");
        pageLabel.setId("templatesPage");
        HBox pager = ControlPanel.row(previousPage, pageLabel, nextPage);
        pager.managedProperty().bind(pager.visibleProperty());
        this.pager = pager;
        FlowPane bar = new FlowPane(14, 6, ControlPanel.row(new Label("Normalise"), norm),
                ControlPanel.row(new Label("Channel"), channels), ControlPanel.row(new Label("Zoom"), zoom), pager);
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        note.setId("templatesNote");
        getChildren().addAll(bar, gridRow, note);

        vm.liveProperty().addListener(o -> request());
        vm.modelsProperty().addListener(o -> request());
        vm.modeProperty().addListener(o -> request());
        vm.dataProperty().addListener((o, a, d) -> {
            page = 0;
            request();
        });
        request();
    }

    private final HBox pager;

    void setOnPick(PickListener listener) {
        onPick = listener;
    }

    private void pick(ImageLoss loss, int c) {
        grids.values().forEach(g -> g.select(-1));
        grids.get(loss).select(c);
        onPick.picked(loss, c);
    }

    /** Marks class {@code c} of {@code loss}'s grid as picked, turning to its page. */
    void select(ImageLoss loss, int c) {
        LinearImageData d = vm.dataProperty().get();
        if (d != null && d.classCount() > PAGE_LIMIT && c / PAGE_SIZE != page) {
            page = c / PAGE_SIZE;
            request();
        }
        grids.values().forEach(g -> g.select(-1));
        grids.get(loss).select(c);
    }

    void zoomBy(int step) {
        zoom.setValue(Math.max(zoom.getMin(), Math.min(zoom.getMax(), zoom.getValue() + step)));
    }

    void turnPage(int step) {
        LinearImageData d = vm.dataProperty().get();
        if (d == null || d.classCount() <= PAGE_LIMIT) {
            return;
        }
        int pages = (d.classCount() + PAGE_SIZE - 1) / PAGE_SIZE;
        page = Math.floorMod(page + step, pages);
        request();
    }

    /** Larger templates for the projector when one loss is shown (two grids side by side stay at 2×). */
    void setLarge(boolean large) {
        zoom.setValue(large && vm.modeProperty().get().losses().size() == 1 ? 3 : 2);
    }

    private void request() {
        LinearImageData d = vm.dataProperty().get();
        Map<ImageLoss, LinearImageModel> models = vm.shownModels();
        List<ImageLoss> losses = vm.modeProperty().get().losses();
        if (d == null) {
            gridRow.getChildren().clear();
            note.setText(vm.preparingProperty().get() ? "Preparing the images…" : "No dataset loaded yet.");
            pager.setVisible(false);
            renderer.requestReplacing(null);
            return;
        }
        boolean paged = d.classCount() > PAGE_LIMIT;
        int from = paged ? page * PAGE_SIZE : 0;
        int to = paged ? Math.min(d.classCount(), from + PAGE_SIZE) : d.classCount();
        pager.setVisible(paged);
        pageLabel.setText(paged ? String.format(Locale.ROOT, "classes %d–%d of %d", from + 1, to, d.classCount()) : "");
        List<TemplateGrid> shownGrids = losses.stream().map(grids::get).toList();
        if (!gridRow.getChildren().equals(shownGrids)) {
            gridRow.getChildren().setAll(shownGrids);
        }
        for (ImageLoss l : losses) {
            if (!models.containsKey(l)) {
                grids.get(l).clear(l.label() + ": not trained yet (Train)");
            }
        }
        TemplateImages.Channel ch = (TemplateImages.Channel) channels.getToggleGroup().getSelectedToggle().getUserData();
        channels.setDisable(d.channels() == 1);
        note.setText(String.format(Locale.ROOT, "Visual viewpoint: each image is one row of W, %d × %d%s weights of a class%s. %s. "
                        + "Click a template for the training images that score highest and lowest for it.",
                d.width(), d.height(), d.channels() == 1 ? " grey" : " × 3 colour",
                d.biasTrick() ? " (the bias column is left out)" : "", norm.getValue() == TemplateImages.Normalisation.GLOBAL
                        ? "Brightness: 255·(w − min W)/(max W − min W) over all templates, as the notebooks"
                        : "Each template stretched to its own min … max"));
        renderer.request(models.isEmpty() ? null : new Request(Map.copyOf(models), d, norm.getValue(),
                d.channels() == 1 ? TemplateImages.Channel.COLOUR : ch, from, to, (int) Math.round(zoom.getValue())));
    }

    private static Rendered render(Request r, BooleanSupplier cancelled) {
        if (r == null) {
            return null;
        }
        LinearImageData d = r.data;
        Map<ImageLoss, int[][]> images = new EnumMap<>(ImageLoss.class);
        for (Map.Entry<ImageLoss, LinearImageModel> e : r.models.entrySet()) {
            if (cancelled.getAsBoolean()) {
                return null;
            }
            float[][] templates = TemplateImages.templates(e.getValue(), d.pixelDim());
            images.put(e.getKey(), TemplateImages.render(templates, d.channels(), d.height(), d.width(), r.norm,
                    r.channel, r.from, r.to, r.zoom));
        }
        return new Rendered(r, images);
    }

    private void publish(Rendered r) {
        if (r.request.data != vm.dataProperty().get()) {
            return;
        }
        int w = r.request.data.width() * r.request.zoom;
        int h = r.request.data.height() * r.request.zoom;
        for (Map.Entry<ImageLoss, int[][]> e : r.images.entrySet()) {
            TemplateGrid g = grids.get(e.getKey());
            g.setTitle(title(e.getKey()));
            g.show(e.getValue(), w, h, r.request.from, r.request.data.classNames());
        }
        renders++;
        if (vm.liveProperty().get() != null) {
            long now = System.nanoTime();
            if (liveRenders == 0) {
                firstLive = now;
            }
            lastLive = now;
            liveRenders++;
        }
    }

    /**
     * Live redraws per second during the last training run (NaN before two of them), what the status bar reports
     * when training ends; {@link #startLiveCount()} starts a new count.
     */
    double liveRate() {
        return liveRenders < 2 ? Double.NaN : (liveRenders - 1) / ((lastLive - firstLive) / 1e9);
    }

    void startLiveCount() {
        liveRenders = 0;
    }

    private String title(ImageLoss loss) {
        ImageLinearViewModel.Live live = vm.liveProperty().get();
        if (live != null && live.snapshots().containsKey(loss)) {
            var s = live.snapshots().get(loss);
            return String.format(Locale.ROOT, "%s templates · iteration %,d of %,d", loss == ImageLoss.SVM ? "SVM"
                    : "Softmax", s.iteration(), s.iterations());
        }
        ImageLinearViewModel.Models m = vm.modelsProperty().get();
        ImageLinearViewModel.Trained t = m == null ? null : m.byLoss().get(loss);
        return t == null ? loss.label() : String.format(Locale.ROOT, "%s templates · %s", loss == ImageLoss.SVM ? "SVM"
                : "Softmax", t.iterations() > 0 ? String.format(Locale.ROOT, "%,d iterations", t.iterations())
                : t.origin());
    }

    /** How many renderings have been shown (tests wait on it). */
    long renders() {
        return renders;
    }

    TemplateGrid grid(ImageLoss loss) {
        return grids.get(loss);
    }

    void dispose() {
        renderer.dispose();
    }

    /** How the templates are drawn: normalisation, channel, zoom (for scene files). */
    TemplateImages.Normalisation normalisation() {
        return norm.getValue();
    }

    TemplateImages.Channel channel() {
        // The buttons say which is selected even before the segmented button's toggle group knows (a lesson not yet
        // laid out, e.g. a scene saved or a tour started right after the lesson opened).
        return channels.getButtons().stream().filter(javafx.scene.control.ToggleButton::isSelected).findFirst()
                .map(t -> (TemplateImages.Channel) t.getUserData()).orElse(TemplateImages.Channel.COLOUR);
    }

    int zoom() {
        return (int) Math.round(zoom.getValue());
    }

    /** Draws the templates this way (from a scene file). */
    void setLook(TemplateImages.Normalisation n, TemplateImages.Channel c, int z) {
        if (n != null) {
            norm.setValue(n);
        }
        if (c != null) {
            channels.getButtons().stream().filter(b -> b.getUserData() == c).findFirst().ifPresent(b -> b.setSelected(true));
        }
        zoom.setValue(Math.max(zoom.getMin(), Math.min(zoom.getMax(), z)));
    }
}
