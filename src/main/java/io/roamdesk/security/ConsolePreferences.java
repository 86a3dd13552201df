package io.roamdesk.security;

import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What each console account chose for itself (today: its colour theme), remembered across sign-ins. */
@Service
public class ConsolePreferences {

    private final ConsolePreferenceRepository repo;
    private final Clock clock;

    ConsolePreferences(ConsolePreferenceRepository repo, Clock clock) {
        this.repo = repo;
        this.clock = clock;
    }

    /** The account's theme; light until it chooses another. */
    @Transactional(readOnly = true)
    public ConsoleTheme theme(String username) {
        return repo.theme(username).map(t -> {
            try {
                return ConsoleTheme.valueOf(t);
            } catch (IllegalArgumentException unknown) {
                return ConsoleTheme.LIGHT;
            }
        }).orElse(ConsoleTheme.LIGHT);
    }

    @Transactional
    public void chooseTheme(String username, ConsoleTheme theme) {
        repo.saveTheme(username, theme.name(), clock.millis());
    }
}
