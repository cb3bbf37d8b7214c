package dev.cskit.core.store;

/** Runs the store contract against {@link InMemoryStore}. */
class InMemoryStoreTest extends StoreContract {

    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
