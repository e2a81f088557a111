package quant.app.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import quant.app.settings.Settings;
import software.coley.bentofx.Bento;
import software.coley.bentofx.dockable.Dockable;
import software.coley.bentofx.layout.container.DockContainerLeaf;
import software.coley.bentofx.layout.container.DockContainerRootBranch;

/**
 * The docking area: a side area and a main area side by side (BentoFX), views opened by id.
 * BentoFX has no layout persistence, so the layout is saved as the open view ids, the area each
 * is in, the selected view and the divider position, and rebuilt from those.
 */
public final class Workspace {
    public static final String SIDE = "side";
    public static final String MAIN = "main";
    private static final double DEFAULT_DIVIDER = 0.2;

    /** How a view is made: its title, its node, and the area it opens in by default. */
    public record ViewSpec(String title, Node node, String area) {}

    private final Bento bento = new Bento();
    private final StackPane host = new StackPane();
    private final Function<String, Optional<ViewSpec>> factory;
    private final Map<String, Dockable> open = new LinkedHashMap<>();
    private DockContainerRootBranch root;
    private DockContainerLeaf side;
    private DockContainerLeaf main;

    public Workspace(Function<String, Optional<ViewSpec>> factory) {
        this.factory = factory;
        host.setId("workspace");
        bento.events().addDockableCloseListener((path, dockable) -> open.remove(dockable.getIdentifier()));
        build(DEFAULT_DIVIDER);
    }

    public Node node() {
        return host;
    }

    private void build(double divider) {
        unfoldedDivider = divider;
        if (root != null) {
            bento.unregisterRoot(root);
        }
        open.clear();
        root = bento.dockBuilding().root("root");
        root.setOrientation(Orientation.HORIZONTAL);
        side = bento.dockBuilding().leaf(SIDE);
        main = bento.dockBuilding().leaf(MAIN);
        side.setPruneWhenEmpty(false);
        main.setPruneWhenEmpty(false);
        root.setPruneWhenEmpty(false);
        root.addContainers(side, main);
        root.setDividerPositions(divider);
        // what to do when no view is open in the main area, drawn on it
        javafx.scene.control.Label hint = new javafx.scene.control.Label("Open a view from the Customers,"
                + " Forecasts, Sales or Operations menu (Ctrl+2 … Ctrl+9), or double-click a table in the Data"
                + " panel.");
        hint.setId("workspace-hint");
        hint.setWrapText(true);
        hint.setMaxWidth(420);
        hint.setMouseTransparent(true);
        hint.getStyleClass().add("text-muted");
        javafx.scene.layout.StackPane.setAlignment(hint, javafx.geometry.Pos.CENTER);
        hint.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(main.getDockables()));
        hint.translateXProperty()
                .bind(javafx.beans.binding.Bindings.createDoubleBinding(
                        () -> sideCollapsed() || root.getDividers().isEmpty()
                                ? 0
                                : host.getWidth()
                                        * root.getDividers().getFirst().getPosition()
                                        / 2,
                        host.widthProperty(),
                        root.getDividers().isEmpty()
                                ? host.widthProperty()
                                : root.getDividers().getFirst().positionProperty()));
        host.getChildren().setAll(root, hint);
        // an empty side panel folds away rather than stand as a blank pane; a view opened there unfolds it
        DockContainerLeaf leaf = side;
        DockContainerRootBranch branch = root;
        side.getDockables().addListener((javafx.collections.ListChangeListener<Dockable>) c -> {
            if (branch == root) {
                fold(leaf.getDockables().isEmpty());
            }
        });
    }

    private double unfoldedDivider = DEFAULT_DIVIDER;

    /** Takes the side panel out of the layout, or puts it back at its last width. */
    private void fold(boolean folded) {
        boolean shown = root.getChildContainers().contains(side);
        if (folded && shown) {
            if (!root.getDividers().isEmpty()) {
                unfoldedDivider = root.getDividers().getFirst().getPosition();
            }
            root.removeContainer(side);
        } else if (!folded && !shown) {
            root.addContainer(0, side);
            root.setDividerPositions(unfoldedDivider);
        }
    }

    /** Folds the side panel away, or unfolds it (View ▸ Fold or unfold the side panel). */
    public void toggleSide() {
        fold(!sideCollapsed());
    }

    /** Whether the side panel is folded away. */
    public boolean sideCollapsed() {
        return !root.getChildContainers().contains(side);
    }

    /** Opens a view (or selects it when it is already open) in its default area. */
    public boolean open(String id) {
        return open(id, null);
    }

    private boolean open(String id, String area) {
        Dockable existing = open.get(id);
        if (existing != null) {
            existing.inContainer(leaf -> leaf.selectDockable(existing));
            return true;
        }
        Optional<ViewSpec> spec = factory.apply(id);
        if (spec.isEmpty()) {
            return false;
        }
        Dockable d = bento.dockBuilding().dockable(id);
        d.setTitle(spec.get().title());
        if (spec.get().node() instanceof quant.app.analysis.Titled titled) {
            titled.titleProperty().addListener((obs, o, title) -> {
                if (title != null && !title.isBlank()) {
                    d.setTitle(title);
                }
            });
        }
        d.setNode(spec.get().node());
        d.setCanBeDroppedToNewWindow(false);
        DockContainerLeaf leaf = SIDE.equals(area != null ? area : spec.get().area()) ? side : main;
        leaf.addDockable(d);
        leaf.selectDockable(d);
        open.put(id, d);
        return true;
    }

    /** The open view ids, in order. */
    public List<String> openViews() {
        return List.copyOf(open.keySet());
    }

    /** The node of an open view. */
    public Optional<Node> viewNode(String id) {
        return Optional.ofNullable(open.get(id)).map(Dockable::getNode);
    }

    /** The node of the view selected in the main area, if any. */
    public Optional<Node> selectedMainView() {
        Dockable d = main == null ? null : main.getSelectedDockable();
        return Optional.ofNullable(d).map(Dockable::getNode);
    }

    /** The layout to remember. */
    public Settings.DockLayoutState save() {
        List<Settings.OpenView> views = new ArrayList<>();
        for (Dockable d : open.values()) {
            DockContainerLeaf leaf = d.getContainer();
            String area = leaf != null && SIDE.equals(leaf.getIdentifier()) ? SIDE : MAIN;
            views.add(new Settings.OpenView(d.getIdentifier(), area));
        }
        double divider = sideCollapsed() || root.getDividers().isEmpty()
                ? unfoldedDivider
                : root.getDividers().getFirst().getPosition();
        Dockable selected = main.getSelectedDockable();
        return new Settings.DockLayoutState(views, divider, selected == null ? null : selected.getIdentifier());
    }

    /** Rebuilds a remembered layout; views that no longer exist are skipped. */
    public void restore(Settings.DockLayoutState state) {
        build(state.divider() > 0.05 && state.divider() < 0.95 ? state.divider() : DEFAULT_DIVIDER);
        for (Settings.OpenView v : state.views()) {
            open(v.id(), v.area());
        }
        if (state.selected() != null && open.containsKey(state.selected())) {
            open(state.selected());
        }
        if (side.getDockables().isEmpty()) {
            fold(true);
        }
    }

    /** Back to the default layout: the Data view beside the jobs table. */
    public void reset(List<String> defaultViews) {
        build(DEFAULT_DIVIDER);
        defaultViews.forEach(this::open);
    }
}
