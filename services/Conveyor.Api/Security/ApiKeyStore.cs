using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Conveyor.Api.Security;

/// <summary>
/// The configured keys, by the sha256 of the key. With none configured keys are off (the local default) and every
/// caller is the local admin; with any, every non-public endpoint needs one.
/// </summary>
public sealed class ApiKeyStore(IOptions<ApiOptions> options)
{
    readonly Dictionary<string, ApiCaller> byHash = options.Value.Keys.ToDictionary(
        k => k.Sha256.ToLowerInvariant(), k => new ApiCaller(k.Name, k.Role), StringComparer.Ordinal);

    public bool Enabled => byHash.Count > 0;

    public bool TryFind(string key, out ApiCaller caller)
    {
        // Hashing first makes the lookup's timing depend on the hash, which says nothing about which keys exist.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return byHash.TryGetValue(hash, out caller!);
    }
}
