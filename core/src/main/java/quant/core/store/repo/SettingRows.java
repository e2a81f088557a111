package quant.core.store.repo;

import static quant.core.store.generated.Tables.BUSINESS_SETTING;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import quant.core.store.Store;

/** The business settings' rows ({@code business_setting}, migration V5): a key and its value as text. */
public final class SettingRows {
    private SettingRows() {}

    /** Every stored setting, key to value. */
    public static Map<String, String> read(Store store) {
        return store.read("the business settings", dsl -> {
            Map<String, String> out = new LinkedHashMap<>();
            dsl.select(BUSINESS_SETTING.SETTING_KEY, BUSINESS_SETTING.SETTING_VALUE)
                    .from(BUSINESS_SETTING)
                    .orderBy(BUSINESS_SETTING.SETTING_KEY)
                    .forEach(r -> out.put(r.value1(), r.value2()));
            return out;
        });
    }

    /**
     * Stores {@code values} in one transaction: a key with a value is set (inserted or updated), a key
     * mapped to null is removed.
     */
    public static void write(Store store, Map<String, String> values, LocalDateTime now) {
        store.inTransaction(c -> {
            DSLContext tx = Store.dsl(c);
            for (Map.Entry<String, String> e : values.entrySet()) {
                if (e.getValue() == null) {
                    tx.deleteFrom(BUSINESS_SETTING)
                            .where(BUSINESS_SETTING.SETTING_KEY.eq(e.getKey()))
                            .execute();
                } else {
                    tx.insertInto(BUSINESS_SETTING)
                            .set(BUSINESS_SETTING.SETTING_KEY, e.getKey())
                            .set(BUSINESS_SETTING.SETTING_VALUE, e.getValue())
                            .set(BUSINESS_SETTING.UPDATED_AT, now)
                            .onConflict(BUSINESS_SETTING.SETTING_KEY)
                            .doUpdate()
                            .set(BUSINESS_SETTING.SETTING_VALUE, e.getValue())
                            .set(BUSINESS_SETTING.UPDATED_AT, now)
                            .execute();
                }
            }
            return null;
        });
    }
}
