// Each collection starts a whole stack of processes; one stack at a time keeps timings honest on a small machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
