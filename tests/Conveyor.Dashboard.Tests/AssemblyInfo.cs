// One stack and one browser for the whole project; the tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
