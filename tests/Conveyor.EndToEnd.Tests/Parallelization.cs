// Each collection starts a whole stack (four services or more). On a two-core machine two stacks starting together
// starve each other past their start timeout, so the collections run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
