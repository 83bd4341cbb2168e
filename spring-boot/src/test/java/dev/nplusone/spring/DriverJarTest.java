package dev.nplusone.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.NPlusOne;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The nplusone-driver jar an application gets: its own classes only (datasource-proxy and JSqlParser relocated under
 * {@code dev.nplusone.internal.shaded}), and a POM that brings nothing else at run time. Read from the jar the build
 * just made, which this module's tests run on.
 */
class DriverJarTest {
    @Test
    void carries_only_classes_under_dev_nplusone() throws Exception {
        List<String> foreign = new ArrayList<>();
        try (JarFile jar = new JarFile(jar().toFile())) {
            jar.stream().map(entry -> entry.getName())
                    .filter(name -> name.endsWith(".class") && !name.startsWith("dev/nplusone/"))
                    .forEach(foreign::add);
            assertTrue(jar.getEntry("dev/nplusone/internal/shaded/net/sf/jsqlparser/parser/CCJSqlParser.class") != null);
            assertTrue(jar.getEntry("dev/nplusone/internal/shaded/net/ttddyy/dsproxy/proxy/ProxyConfig.class") != null);
        }
        assertEquals(List.of(), foreign);
    }

    @Test
    void its_pom_names_no_runtime_dependency_and_junit_only_as_optional() throws Exception {
        Path pom = jar().resolveSibling("dependency-reduced-pom.xml");
        NodeList dependencies = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
                .getElementsByTagName("dependency");
        List<String> runtime = new ArrayList<>();
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            String scope = text(dependency, "scope", "compile");
            boolean optional = text(dependency, "optional", "false").equals("true");
            if ((scope.equals("compile") || scope.equals("runtime")) && !optional) {
                runtime.add(text(dependency, "groupId", "") + ":" + text(dependency, "artifactId", ""));
            }
        }
        assertEquals(List.of(), runtime);
    }

    private static String text(Element parent, String tag, String otherwise) {
        NodeList found = parent.getElementsByTagName(tag);
        return found.getLength() == 0 ? otherwise : found.item(0).getTextContent().trim();
    }

    private static Path jar() {
        try {
            Path location = Path.of(NPlusOne.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            assertTrue(Files.isRegularFile(location), "the driver is its jar (run the build to the package phase): "
                    + location);
            return location;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
