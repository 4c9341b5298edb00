// Scenarios restart the shared broker and database: they must never overlap.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
