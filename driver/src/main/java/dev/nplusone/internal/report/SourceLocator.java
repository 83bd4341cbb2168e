package dev.nplusone.internal.report;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a call site's source file under the project's source roots ({@code nplusone.sourceRoots}), relative to the
 * repository root (the working directory): {@code src/main/java/com/acme/PostService.java}, also one folder down for
 * the modules of a multi-module build ({@code web/src/main/java/...}).
 */
final class SourceLocator {
    private final Path repositoryRoot;
    private final List<String> roots;
    private final Map<String, String> found = new HashMap<>();

    SourceLocator(Path repositoryRoot, List<String> sourceRoots) {
        this.repositoryRoot = repositoryRoot;
        this.roots = searchRoots(repositoryRoot, sourceRoots);
    }

    private static List<String> searchRoots(Path repositoryRoot, List<String> sourceRoots) {
        List<String> roots = new ArrayList<>(sourceRoots);
        File[] modules = repositoryRoot.toFile().listFiles(File::isDirectory);
        if (modules != null) {
            for (File module : modules) {
                if (!module.getName().startsWith(".")) {
                    for (String root : sourceRoots) {
                        roots.add(module.getName() + "/" + root);
                    }
                }
            }
        }
        return roots;
    }

    /** The parts of a call site such as {@code com.acme.PostService.render(PostService.java:57)}. */
    record CallSiteParts(String className, String method, String fileName, int line) {
        /** The path below a source root: the class's package as folders and the file name. */
        String packagePath() {
            int lastDot = className.lastIndexOf('.');
            String folder = lastDot < 0 ? "" : className.substring(0, lastDot).replace('.', '/') + "/";
            return folder + fileName;
        }

        String qualifiedMethod() {
            return className + "." + method;
        }
    }

    static CallSiteParts parse(String callSite) {
        if (callSite == null) {
            return null;
        }
        int open = callSite.indexOf('(');
        int close = callSite.lastIndexOf(')');
        if (open <= 0 || close < open) {
            return null;
        }
        String qualified = callSite.substring(0, open);
        int methodDot = qualified.lastIndexOf('.');
        if (methodDot <= 0 || qualified.contains("/") || qualified.contains("\\") || qualified.contains("..")) {
            return null;
        }
        String location = callSite.substring(open + 1, close);
        int colon = location.lastIndexOf(':');
        String fileName = colon < 0 ? location : location.substring(0, colon);
        int line = -1;
        if (colon >= 0) {
            try {
                line = Integer.parseInt(location.substring(colon + 1));
            } catch (NumberFormatException e) {
                line = -1;
            }
        }
        boolean source = fileName.endsWith(".java") || fileName.endsWith(".kt") || fileName.endsWith(".groovy")
                || fileName.endsWith(".scala");
        if (!source || fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
            fileName = null; // a frame names a file, never a path: anything else came from a hostile or broken line
        }
        return new CallSiteParts(qualified.substring(0, methodDot), qualified.substring(methodDot + 1), fileName, line);
    }

    /** The file's path relative to the repository root, with forward slashes, or null when it is not found. */
    String relativePath(CallSiteParts site) {
        if (site == null || site.fileName() == null) {
            return null;
        }
        String below = site.packagePath();
        return found.computeIfAbsent(below, this::search);
    }

    private String search(String below) {
        for (String root : roots) {
            String candidate = root + "/" + below;
            if (Files.isRegularFile(repositoryRoot.resolve(candidate))) {
                return candidate;
            }
        }
        return null;
    }
}
