namespace Conveyor.Executor.BinaryCache;

/// <summary>The downloaded bytes are not the binary the job named; they are discarded, never run.</summary>
public sealed class ChecksumMismatchException(string expected, string actual)
    : Exception($"sha256 mismatch: expected {expected}, downloaded {actual}; the binary was not run");
