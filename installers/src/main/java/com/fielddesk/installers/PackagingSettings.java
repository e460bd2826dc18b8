package com.fielddesk.installers;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything jpackage needs, as the pom passes it. The version shown by installers is numeric,
 * derived from the pom's: jpackage refuses qualifiers like {@code -SNAPSHOT} on Windows and a
 * leading zero on macOS.
 */
public record PackagingSettings(
        Path inputDirectory,
        String mainJar,
        String mainClass,
        Path outputDirectory,
        String name,
        String vendor,
        String description,
        String copyright,
        String projectVersion,
        String maintainerEmail,
        String windowsUpgradeUuid,
        String macPackageIdentifier,
        List<String> javaOptions,
        List<String> installerTypes) {

    private static final Pattern NUMERIC_PREFIX = Pattern.compile("^(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");

    public String numericVersion() {
        return numericVersion(projectVersion);
    }

    static String numericVersion(String projectVersion) {
        Matcher matcher = NUMERIC_PREFIX.matcher(projectVersion);
        if (!matcher.find()) {
            throw new PackagingException("The project version must start with a number: " + projectVersion, null);
        }
        int major = Integer.parseInt(matcher.group(1));
        if (major < 1 || major > 255) {
            throw new PackagingException("Installers need a major version from 1 to 255 (macOS and Windows rules), not "
                    + projectVersion, null);
        }
        String minor = matcher.group(2) == null ? "0" : matcher.group(2);
        String patch = matcher.group(3) == null ? "0" : matcher.group(3);
        return major + "." + minor + "." + patch;
    }

    static PackagingSettings fromArguments(String[] args) {
        Map<String, List<String>> options = PackageBuilder.parseArguments(args);
        return new PackagingSettings(
                Path.of(single(options, "input")),
                single(options, "main-jar"),
                single(options, "main-class"),
                Path.of(single(options, "output")),
                single(options, "name"),
                single(options, "vendor"),
                single(options, "description"),
                single(options, "copyright"),
                single(options, "version"),
                single(options, "maintainer-email"),
                single(options, "win-upgrade-uuid"),
                single(options, "mac-package-identifier"),
                options.getOrDefault("java-option", List.of()),
                installerTypes(single(options, "installer-type")));
    }

    /** {@code platform} picks the installer native to the OS the build runs on; {@code none} builds only the app-image. */
    private static List<String> installerTypes(String requested) {
        return switch (requested) {
            case "none" -> List.of();
            case "platform" -> List.of(Platform.current().installerType());
            default -> List.of(requested.split(","));
        };
    }

    private static String single(Map<String, List<String>> options, String key) {
        List<String> values = options.get(key);
        if (values == null || values.size() != 1 || values.get(0).isBlank()) {
            throw new PackagingException("Missing or repeated packaging option --" + key, null);
        }
        return values.get(0);
    }
}
