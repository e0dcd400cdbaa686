package org.attune.ui.coding;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.attune.coding.KeyMap;
import org.attune.coding.TimeFormat;
import org.attune.ui.player.SessionPlayer;

/**
 * The player's controls under the video: jumps of 30, 5 and 1 s, frame steps, play/pause, rate
 * 1/8×–8×, go to a time, mute and volume, and the readout of the frame on screen (its start on the
 * session clock and its number). Every button names its key in its tooltip; none takes the focus,
 * so the keyboard keeps coding.
 */
final class TransportBar extends FlowPane {

    private final Supplier<SessionPlayer> player;
    private final Label readout = new Label("--:--:--.---   frame —");
    private final ChoiceBox<Double> rate = new ChoiceBox<>(FXCollections.observableArrayList(0.125, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0));
    private final Slider volume = new Slider(0, 1, 1);
    private final ToggleButton mute = new ToggleButton("Mute");

    /** @param goTo asks for a time and shows it (a dialog: the workspace's) */
    TransportBar(Supplier<SessionPlayer> player, Runnable goTo) {
        super(4, 4);
        this.player = player;
        Button back30 = button("−30", "Back 30 s (Ctrl+Shift+←)", p -> p.jump(-30_000));
        Button back5 = button("−5", "Back 5 s (Shift+←)", p -> p.jump(-5000));
        Button back1 = button("−1", "Back 1 s (Ctrl+←)", p -> p.jump(-1000));
        Button stepBack = button("◀|", "Back one frame (←)", p -> p.step(-1));
        Button play = button("▶ / ❚❚", "Play or pause (Space)", p -> togglePlay());
        Button stepForward = button("|▶", "Forward one frame (→)", p -> p.step(1));
        Button forward1 = button("+1", "Forward 1 s (Ctrl+→)", p -> p.jump(1000));
        Button forward5 = button("+5", "Forward 5 s (Shift+→)", p -> p.jump(5000));
        Button forward30 = button("+30", "Forward 30 s (Ctrl+Shift+→)", p -> p.jump(30_000));
        Button goToButton = button("Go to…", "Go to a time (Ctrl+G)", p -> goTo.run());
        rate.setValue(1.0);
        rate.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double r) {
                return r == null ? "" : r < 1 ? "1/" + Math.round(1 / r) + "×" : Math.round(r) + "×";
            }

            @Override
            public Double fromString(String s) {
                return null;
            }
        });
        rate.valueProperty().addListener((o, a, r) -> ifOpen(p -> p.setRate(r)));
        rate.setFocusTraversable(false);
        volume.setPrefWidth(70);
        volume.setFocusTraversable(false);
        volume.setTooltip(new Tooltip("Volume"));
        volume.valueProperty().addListener((o, a, v) -> ifOpen(p -> p.setVolume(v.doubleValue())));
        mute.setFocusTraversable(false);
        mute.selectedProperty().addListener((o, a, m) -> ifOpen(p -> p.setMute(m)));
        readout.getStyleClass().add("time-readout");
        readout.setId("readout");
        readout.setMinWidth(Region.USE_PREF_SIZE);
        mute.setMinWidth(Region.USE_PREF_SIZE);
        rate.setMinWidth(Region.USE_PREF_SIZE);
        // the sound and the time stay together; in a narrow window they move to a second row rather than
        // any button reading "…" (a FlowPane wraps where an HBox would squeeze)
        HBox sound = new HBox(4, mute, volume, readout);
        sound.setAlignment(Pos.CENTER_LEFT);
        sound.setPadding(new Insets(0, 0, 0, 16));
        getChildren().addAll(back30, back5, back1, stepBack, play, stepForward, forward1, forward5, forward30, rate, goToButton, sound);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 10, 6, 10));
    }

    private Button button(String text, String tip, Consumer<SessionPlayer> action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setMinWidth(Region.USE_PREF_SIZE); // never "…"
        b.setOnAction(e -> ifOpen(action));
        return b;
    }

    private void ifOpen(Consumer<SessionPlayer> action) {
        SessionPlayer p = player.get();
        if (p != null) action.accept(p);
    }

    /** Gives a newly opened player the bar's rate, volume and mute. */
    void applyTo(SessionPlayer p) {
        p.setRate(rate.getValue());
        p.setVolume(volume.getValue());
        p.setMute(mute.isSelected());
    }

    /** Shows the frame on screen (every animation frame). */
    void showTime(SessionPlayer p) {
        readout.setText(TimeFormat.clock(p.stampMs()) + "   frame " + p.currentFrame());
    }

    void togglePlay() {
        ifOpen(p -> {
            if (p.isPlaying()) p.pause();
            else p.play();
        });
    }

    /** The numeric keypad's shuttle: half or double the rate, within 1/8×–8×. */
    void slower() {
        rate.setValue(Math.max(0.125, rate.getValue() / 2));
    }

    void faster() {
        rate.setValue(Math.min(8, rate.getValue() * 2));
    }

    /**
     * The player's fixed keys, the same for every coder: Space plays or pauses, ← and → step a frame,
     * with Ctrl 1 s, with Shift 5 s, with both 30 s. False if the key is not one of them.
     */
    boolean fixedKey(KeyEvent e) {
        SessionPlayer p = player.get();
        if (p == null) return false;
        switch (e.getCode()) {
            case SPACE -> togglePlay();
            case LEFT, RIGHT -> {
                int sign = e.getCode() == KeyCode.LEFT ? -1 : 1;
                if (e.isShortcutDown() && e.isShiftDown()) p.jump(sign * 30_000L);
                else if (e.isShiftDown()) p.jump(sign * 5_000L);
                else if (e.isShortcutDown()) p.jump(sign * 1_000L);
                else p.step(sign);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A transport action bound to one of the coder's own keys (KeyMap). */
    void perform(KeyMap.Transport action) {
        ifOpen(p -> {
            switch (action) {
                case PLAY -> p.play();
                case STOP -> p.pause();
                case PLAY_PAUSE -> togglePlay();
                case STEP_BACK -> p.step(-1);
                case STEP_FORWARD -> p.step(1);
                case SLOWER -> slower();
                case FASTER -> faster();
                case BACK_1S -> p.jump(-1000);
                case FORWARD_1S -> p.jump(1000);
                case BACK_5S -> p.jump(-5000);
                case FORWARD_5S -> p.jump(5000);
                case BACK_30S -> p.jump(-30_000);
                case FORWARD_30S -> p.jump(30_000);
                default -> { }
            }
        });
    }
}
