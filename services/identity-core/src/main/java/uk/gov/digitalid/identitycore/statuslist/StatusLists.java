package uk.gov.digitalid.identitycore.statuslist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.BitSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bitstring Status Lists (W3C Bitstring Status List v1.0) for revocation: lists of at least 131,072
 * entries, each credential given an entry at random (herd privacy), never handed out twice (the
 * {@code credentials} table's unique constraint), and the revoked bits kept in a per-list cache that
 * a revocation here or a {@code credential.revoked} sync message from another instance clears.
 */
public class StatusLists {

    /** The spec's minimum list size, so a list says little about how many credentials exist. */
    public static final int MIN_SIZE = 131_072;
    /** Consecutive random draws that hit taken entries before the list counts as full. */
    private static final int FULL_AFTER_COLLISIONS = 8;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final int size;
    private final SecureRandom random = new SecureRandom();
    private final Map<Long, BitSet> revoked = new ConcurrentHashMap<>();
    private final Map<Long, Integer> sizes = new ConcurrentHashMap<>();
    private volatile Long openList;

    public StatusLists(JdbcClient jdbc, TransactionTemplate transactions, int size) {
        if (size < MIN_SIZE || size % 8 != 0) {
            throw new IllegalArgumentException("A status list needs at least " + MIN_SIZE + " entries, a multiple of 8");
        }
        this.jdbc = jdbc;
        // Opening and closing lists commit on their own: an issuance that rolls back must not undo them.
        this.ownTransaction = new TransactionTemplate(transactions.getTransactionManager());
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.size = size;
    }

    /**
     * Reserves a random free entry by running {@code claim}, which must insert the credential row
     * and return false when that entry was already taken (an {@code on conflict do nothing} insert).
     */
    public StatusEntry allocate(EntryClaim claim) {
        int collisions = 0;
        while (true) {
            long list = openList();
            StatusEntry entry = new StatusEntry(list, random.nextInt(size));
            if (claim.tryClaim(entry)) {
                return entry;
            }
            if (++collisions >= FULL_AFTER_COLLISIONS) {
                closeList(list);
                collisions = 0;
            }
        }
    }

    /** Inserts the credential row for an entry; false when the entry is taken. */
    @FunctionalInterface
    public interface EntryClaim {
        boolean tryClaim(StatusEntry entry);
    }

    /** The number of entries of a list, or empty when there is no such list. Sizes never change, so they are cached. */
    public OptionalInt sizeOf(long listId) {
        Integer known = sizes.get(listId);
        if (known == null) {
            known = jdbc.sql("select size from status_lists where id = :id").param("id", listId).query(Integer.class).optional().orElse(null);
            if (known == null) {
                return OptionalInt.empty();
            }
            sizes.put(listId, known);
        }
        return OptionalInt.of(known);
    }

    public boolean isRevoked(StatusEntry entry) {
        return revokedBits(entry.listId()).get(entry.index());
    }

    /** Forgets cached revocation bits: after a revocation here or on another instance. */
    public void invalidate() {
        revoked.clear();
    }

    /**
     * The list's {@code encodedList}: the bitstring (entry 0 is the most significant bit of the first
     * byte), GZIP-compressed, base64url without padding, with the multibase prefix {@code u}.
     */
    public String encodedList(long listId) {
        int listSize = sizeOf(listId).orElseThrow();
        byte[] bits = new byte[listSize / 8];
        BitSet set = revokedBits(listId);
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
            bits[i / 8] |= (byte) (0x80 >>> (i % 8));
        }
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(compressed.toByteArray());
    }

    private BitSet revokedBits(long listId) {
        return revoked.computeIfAbsent(listId, id -> {
            BitSet bits = new BitSet();
            jdbc.sql("select status_index from credentials where status_list_id = :id and revoked_at is not null")
                    .param("id", id).query(Integer.class).list().forEach(bits::set);
            return bits;
        });
    }

    private long openList() {
        Long list = openList;
        if (list == null) {
            synchronized (this) {
                list = openList;
                if (list == null) {
                    list = jdbc.sql("select id from status_lists where open order by id limit 1").query(Long.class).optional()
                            .orElseGet(this::createList);
                    openList = list;
                }
            }
        }
        return list;
    }

    private long createList() {
        return ownTransaction.execute(tx ->
                jdbc.sql("insert into status_lists (size) values (:size) returning id").param("size", size).query(Long.class).single());
    }

    private synchronized void closeList(long list) {
        ownTransaction.executeWithoutResult(tx ->
                jdbc.sql("update status_lists set open = false where id = :id").param("id", list).update());
        if (Long.valueOf(list).equals(openList)) {
            openList = null;
        }
    }
}
