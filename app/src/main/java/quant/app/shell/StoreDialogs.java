package quant.app.shell;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import quant.core.secrets.SecretStore;
import quant.core.secrets.SystemSecrets;
import quant.core.store.ServerPasswords;
import quant.core.store.Store;
import quant.core.store.StoreException;
import quant.core.store.StoreLocation;

/**
 * The dialogs that open a database the user must say more about: an encrypted file's passphrase, a
 * team server's address, and the password a server refused (kept in the system's credential store when
 * the user asks, never in the settings).
 */
final class StoreDialogs {
    private final Stage owner;
    private final WorkbenchViewModel model;
    private final Runnable quitWhenNothingIsOpen;

    StoreDialogs(Stage owner, WorkbenchViewModel model, Runnable quitWhenNothingIsOpen) {
        this.owner = owner;
        this.model = model;
        this.quitWhenNothingIsOpen = quitWhenNothingIsOpen;
    }

    /** Asks for an encrypted database's passphrase and opens it with it; Cancel quits when nothing is open. */
    void askPassphrase(Path path, String why) {
        secret(
                "Passphrase",
                why.startsWith("The passphrase given")
                        ? why + " Try again."
                        : Store.normalise(path).getFileName() + " is encrypted. Its passphrase opens it.",
                "passphrase",
                false,
                (chars, keep) -> {
                    quant.core.store.Passphrases.give(path, chars);
                    model.openExisting(path);
                });
    }

    /** Asks for the password of {@code server}'s user after the server refused to let it in, then opens it. */
    void askPassword(StoreLocation.Server server, String why) {
        secret(
                "Password",
                (why.contains("authentication failed")
                                ? "The server refused the password of " + server.user() + " for "
                                : "The server asks for the password of " + server.user() + " for ")
                        + server.describe() + ".",
                "server-password",
                SystemSecrets.find().isPresent(),
                (chars, keep) -> {
                    ServerPasswords.give(server, chars);
                    if (keep) {
                        SystemSecrets.find().ifPresent(s -> keep(s, server, chars));
                    }
                    java.util.Arrays.fill(chars, '\0');
                    model.openExisting(server);
                });
    }

    private static void keep(SecretStore secrets, StoreLocation.Server server, char[] password) {
        secrets.put(server.secretName(), password);
    }

    /** Asks for a team server's address and opens the database there. */
    void openServer() {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Open a team server");
        dialog.setHeaderText("The address of the team's PostgreSQL database, as your administrator gave it.");
        TextField address = new TextField();
        address.setId("server-address");
        address.setPromptText("jdbc:postgresql://host:5432/database?user=NAME");
        address.setPrefColumnCount(44);
        Label hint = new Label("The password comes from your PostgreSQL password file (~/.pgpass) or the credential"
                + " store; it is asked for when neither has it. Add sslmode=verify-full to check the server's"
                + " certificate.");
        hint.setWrapText(true);
        hint.setMaxWidth(520);
        hint.getStyleClass().add("text-muted");
        Label problem = new Label();
        problem.setId("server-address-problem");
        problem.setWrapText(true);
        problem.setMaxWidth(520);
        problem.getStyleClass().add("danger");
        dialog.getDialogPane().setContent(new VBox(8, address, hint, problem));
        ButtonType open = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(open, ButtonType.CANCEL);
        // the address is checked as it is typed: one sentence says what is wrong with it
        address.textProperty().addListener((obs, o, text) -> problem.setText(addressProblem(text)));
        dialog.getDialogPane()
                .lookupButton(open)
                .disableProperty()
                .bind(address.textProperty().isEmpty().or(problem.textProperty().isNotEmpty()));
        dialog.setResultConverter(b -> b == open ? address.getText().strip() : null);
        Platform.runLater(address::requestFocus);
        dialog.showAndWait().ifPresent(text -> model.openExisting(StoreLocation.parse(text)));
    }

    /** What is wrong with a typed server address, in a sentence; empty when it can be opened. */
    static String addressProblem(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        if (!text.strip()
                .regionMatches(true, 0, StoreLocation.SERVER_PREFIX, 0, StoreLocation.SERVER_PREFIX.length())) {
            return "A team server's address starts with jdbc:postgresql://.";
        }
        try {
            StoreLocation.Server.of(text);
            return "";
        } catch (StoreException e) {
            return e.getMessage();
        }
    }

    @FunctionalInterface
    private interface Given {
        void accept(char[] secret, boolean keep);
    }

    private void secret(String title, String header, String id, boolean offerToKeep, Given given) {
        Dialog<char[]> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        PasswordField field = new PasswordField();
        field.setId(id);
        field.setPromptText(title);
        CheckBox keep = new CheckBox("Keep it in the system's credential store");
        keep.setId(id + "-keep");
        dialog.getDialogPane().setContent(offerToKeep ? new VBox(8, field, keep) : field);
        ButtonType open = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(open, ButtonType.CANCEL);
        dialog.getDialogPane()
                .lookupButton(open)
                .disableProperty()
                .bind(field.textProperty().isEmpty());
        dialog.setResultConverter(b -> b == open ? field.getText().toCharArray() : null);
        Platform.runLater(field::requestFocus);
        dialog.showAndWait()
                .ifPresentOrElse(
                        chars -> {
                            field.clear();
                            given.accept(chars, keep.isSelected());
                        },
                        quitWhenNothingIsOpen);
    }
}
