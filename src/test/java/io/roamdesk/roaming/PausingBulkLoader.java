package io.roamdesk.roaming;

import java.util.Collection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;

/**
 * The real bulk loader that stops before the conversation index, when every user and message of
 * the set is in: a test does what it wants to happen during the load, then lets it finish.
 */
public class PausingBulkLoader extends BulkLoader {

    private final CountDownLatch paused = new CountDownLatch(1);
    private final CountDownLatch resume = new CountDownLatch(1);

    public PausingBulkLoader(DSLContext db) {
        super(new BulkInsertRepository(db));
    }

    @Override
    public void insertConversations(long appId, Collection<ConversationState> conversations) {
        paused.countDown();
        try {
            if (!resume.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never resumed the load");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        super.insertConversations(appId, conversations);
    }

    /** Waits until the load has stopped before its conversation index. */
    public void awaitPaused() throws InterruptedException {
        if (!paused.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the load did not reach its conversation index");
        }
    }

    public void resume() {
        resume.countDown();
    }
}
