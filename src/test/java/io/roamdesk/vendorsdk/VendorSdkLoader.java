package io.roamdesk.vendorsdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads the vendor SDK with its own dependencies (copied by the build into {@code target/vendor-sdk})
 * child-first, so its Jackson 2.14 and resilience4j 1.1 never meet Boot's Jackson or our
 * resilience4j 2.4. Only the driver and the libraries below are loaded here; the {@link VendorSdk}
 * interface, SLF4J and the JDK come from the test's class loader.
 */
public final class VendorSdkLoader extends URLClassLoader {

    private static final List<String> OWN = List.of("com.easemob.", "com.fasterxml.jackson.", "io.github.resilience4j.",
            "io.vavr.", "io.roamdesk.vendorsdk.driver.");

    private VendorSdkLoader(URL[] urls, ClassLoader parent) {
        super("vendor-sdk", urls, parent);
    }

    /** A driver for the app {@code appKey} ({@code org#app}) at {@code baseUri}. */
    public static VendorSdk connect(String baseUri, String appKey, String clientId, String clientSecret) {
        try {
            Path dir = Path.of(System.getProperty("roamdesk.vendor-sdk.dir", "target/vendor-sdk"));
            List<URL> urls = new ArrayList<>();
            try (Stream<Path> jars = Files.list(dir)) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                    urls.add(jar.toUri().toURL());
                }
            }
            if (urls.isEmpty()) {
                throw new IllegalStateException("no vendor SDK jars in " + dir + ": run the build (mvn test-compile)");
            }
            // the driver's own class file, from the test classes
            urls.add(VendorSdk.class.getProtectionDomain().getCodeSource().getLocation());
            var loader = new VendorSdkLoader(urls.toArray(URL[]::new), VendorSdk.class.getClassLoader());
            Class<?> driver = loader.loadClass("io.roamdesk.vendorsdk.driver.EasemobDriver");
            return (VendorSdk) driver.getConstructor(String.class, String.class, String.class, String.class)
                    .newInstance(baseUri, appKey, clientId, clientSecret);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start the vendor SDK driver", e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (OWN.stream().noneMatch(name::startsWith)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = findClass(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    public java.util.Enumeration<URL> getResources(String name) throws IOException {
        // service files naming the SDK's libraries come only from its jars (never Boot's Jackson modules)
        if (name.startsWith("META-INF/services/")
                && OWN.stream().anyMatch(p -> name.substring("META-INF/services/".length()).startsWith(p))) {
            return findResources(name);
        }
        return super.getResources(name);
    }

    @Override
    public URL getResource(String name) {
        // the SDK's resources (service files, Jackson's module lists) from its own jars first
        URL own = findResource(name);
        return own != null ? own : super.getResource(name);
    }
}
