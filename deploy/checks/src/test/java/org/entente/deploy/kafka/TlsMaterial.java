package org.entente.deploy.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A broker key pair for localhost, self-signed, in a PKCS12 keystore; its certificate in PEM and
 * in a PKCS12 truststore (what Strimzi's cluster CA Secret gives clients as ca.crt, and as ca.p12
 * with ca.password), made with the JDK's keytool.
 */
record TlsMaterial(Path keystore, Path certificate, Path truststore, String password) {

    static TlsMaterial generate(Path directory, String name) throws IOException, InterruptedException {
        String password = "tls-" + name + "-secret";
        Path keystore = directory.resolve(name + "-broker.p12");
        Path certificate = directory.resolve(name + "-broker.crt");
        Path truststore = directory.resolve(name + "-ca.p12");
        keytool(directory, "-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", password, "-keypass", password);
        keytool(directory, "-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", password, "-file", certificate.toString());
        keytool(directory, "-importcert", "-noprompt", "-alias", "cluster-ca", "-file", certificate.toString(),
                "-keystore", truststore.toString(), "-storetype", "PKCS12", "-storepass", password);
        return new TlsMaterial(keystore, certificate, truststore, password);
    }

    private static void keytool(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("keytool " + arguments[0] + " failed: " + output);
        }
    }
}
