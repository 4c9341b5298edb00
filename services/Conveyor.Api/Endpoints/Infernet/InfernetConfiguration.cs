using System.Net;

namespace Conveyor.Api.Endpoints.Infernet;

/// <summary>A container configuration the API refuses to start with, rather than refusing every job later.</summary>
public static class InfernetConfiguration
{
    public const string Rules = "every Infernet:Containers entry needs a unique Id and an Image, and AllowedIps of valid CIDRs";

    public static bool IsValid(InfernetOptions options) =>
        options.Containers.All(c => c.Id.Length > 0 && c.Image.Length > 0 && c.AllowedIps.All(cidr => IPNetwork.TryParse(cidr, out _)))
        && options.Containers.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count() == options.Containers.Count;
}
