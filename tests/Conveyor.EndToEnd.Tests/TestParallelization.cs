// Each collection starts a whole stack (four services); on a 2-core machine two of them starting at once can take
// longer than a stack is given to become healthy, so the collections run one after the other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
