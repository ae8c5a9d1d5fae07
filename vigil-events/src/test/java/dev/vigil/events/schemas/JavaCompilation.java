package dev.vigil.events.schemas;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Test helper: unzips a code binding and compiles it as Java 8 with javax.tools, on this JVM's class path (Jackson). */
public final class JavaCompilation {
    private JavaCompilation() {}

    public static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** Compiles the sources into a fresh directory; answers a class loader over it. Fails with javac's diagnostics. */
    public static ClassLoader compile(Map<String, String> sources, Path dir) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Path out = Files.createDirectories(dir.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("--release", "8", "-Xlint:-options", "-d", out.toString(),
                "-classpath", System.getProperty("java.class.path")));
        for (Map.Entry<String, String> f : sources.entrySet()) {
            Path p = src.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
            args.add(p.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        int rc = javac.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) { diagnostics.write(b); }
        }), args.toArray(new String[0]));
        if (rc != 0) throw new AssertionError("javac failed (" + rc + "):\n" + diagnostics + "\nsources:\n" + sources);
        return new URLClassLoader(new URL[] {out.toUri().toURL()}, JavaCompilation.class.getClassLoader());
    }
}
