package org.percuss.controller.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.percuss.device.gpio.PiPaths;

/**
 * Who this process is, as the kernel sees it: its uid and the ids of its groups (from
 * {@code /proc/self/status}, so a group joined since the last log-in does not count yet, just as
 * the kernel would not let it), and the names of the machine's groups (from {@code /etc/group}).
 *
 * @param uid the real uid, or -1 when unknown
 * @param groupIds the process's groups
 * @param groups the machine's groups, by name
 */
record Identity(int uid, Set<Integer> groupIds, Map<String, Integer> groups) {

    /** This process, as {@code paths} show it. */
    static Identity of(PiPaths paths) {
        int uid = -1;
        Set<Integer> ids = new HashSet<>();
        for (String line : lines(paths.processStatus())) {
            if (line.startsWith("Uid:")) {
                uid = Integer.parseInt(line.substring(4).trim().split("\\s+")[0]);
            } else if (line.startsWith("Groups:")) {
                for (String g : line.substring(7).trim().split("\\s+")) {
                    if (!g.isEmpty()) {
                        ids.add(Integer.parseInt(g));
                    }
                }
            } else if (line.startsWith("Gid:")) {
                ids.add(Integer.parseInt(line.substring(4).trim().split("\\s+")[0]));
            }
        }
        Map<String, Integer> groups = new HashMap<>();
        for (String line : lines(paths.groups())) {
            String[] f = line.split(":");
            if (f.length >= 3 && f[2].matches("[0-9]+")) {
                groups.put(f[0], Integer.parseInt(f[2]));
            }
        }
        return new Identity(uid, Set.copyOf(ids), Map.copyOf(groups));
    }

    private static List<String> lines(java.nio.file.Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    boolean root() {
        return uid == 0;
    }

    /** Whether the machine has the group {@code name}. */
    boolean groupExists(String name) {
        return groups.containsKey(name);
    }

    /** Whether this process is in the group {@code name}. */
    boolean in(String name) {
        return Optional.ofNullable(groups.get(name)).map(groupIds::contains).orElse(false);
    }
}
