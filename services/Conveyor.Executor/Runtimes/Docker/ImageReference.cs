namespace Conveyor.Executor.Runtimes.Docker;

/// <summary>Splits <c>registry:5000/team/app:1.2</c> into name and tag the way the engine's pull call wants them.</summary>
public static class ImageReference
{
    public static (string Name, string? Tag) Split(string image)
    {
        if (image.Contains('@'))
            return (image, null);
        var colon = image.LastIndexOf(':');
        return colon > image.LastIndexOf('/') ? (image[..colon], image[(colon + 1)..]) : (image, "latest");
    }
}
