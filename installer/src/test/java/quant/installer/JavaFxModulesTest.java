package quant.installer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JavaFxModulesTest {
    @Test
    void theLauncherExportsEachJavaFxInternalPackageTheClassPathUsesOnceAndNothingElse() {
        String jdeps = String.join(
                "\n",
                "   org.controlsfx.control.textfield   -> com.sun.javafx.event        javafx.base (internal)",
                "   org.controlsfx.control.spreadsheet -> com.sun.javafx.event        javafx.base (internal)",
                "   impl.org.controlsfx.skin           -> com.sun.javafx.scene.control javafx.controls (internal)",
                "   org.flywaydb.core                  -> org.flywaydb.core.internal  flyway-core-11.14.1.jar",
                "   some.lib                           -> sun.misc                    JDK internal API (jdk.unsupported)",
                "   quant.app                          -> javafx.scene                javafx.graphics");
        assertThat(JavaFxModules.launcherOptions(jdeps))
                .containsExactly(
                        "--add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED",
                        "--add-exports=javafx.controls/com.sun.javafx.scene.control=ALL-UNNAMED",
                        "--add-opens=javafx.graphics/javafx.scene=ALL-UNNAMED",
                        "--enable-native-access=ALL-UNNAMED,javafx.graphics");
    }

    @Test
    void javaFxJarsAreRecognisedByName() {
        assertThat(JavaFxModules.isJavaFx(java.nio.file.Path.of("lib", "javafx-graphics-25.0.4-linux.jar")))
                .isTrue();
        assertThat(JavaFxModules.isJavaFx(java.nio.file.Path.of("lib", "controlsfx-11.2.4.jar")))
                .isFalse();
    }
}
