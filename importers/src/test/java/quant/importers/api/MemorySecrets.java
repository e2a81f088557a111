package quant.importers.api;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import quant.core.secrets.SecretStore;

/** A credential store in memory, for the connector tests; {@link #kept} shows what was stored. */
final class MemorySecrets implements SecretStore {
    final Map<String, char[]> kept = new HashMap<>();

    @Override
    public String describe() {
        return "memory";
    }

    @Override
    public Optional<char[]> get(String key) {
        return Optional.ofNullable(kept.get(key)).map(char[]::clone);
    }

    @Override
    public void put(String key, char[] secret) {
        kept.put(key, secret.clone());
    }

    @Override
    public void remove(String key) {
        kept.remove(key);
    }
}
