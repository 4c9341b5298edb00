namespace Conveyor.Executor.BinaryCache;

public sealed class BinaryDownloadException(string message, Exception? inner = null) : Exception(message, inner);
