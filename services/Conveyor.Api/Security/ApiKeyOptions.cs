using System.ComponentModel.DataAnnotations;

namespace Conveyor.Api.Security;

/// <summary>
/// One API key, as configured: its name (the owner of the jobs it submits), the sha256 of the key in hex (the key itself
/// is never stored: <c>printf %s "$KEY" | sha256sum</c>), and its role.
/// </summary>
public sealed class ApiKeyOptions
{
    [Required, StringLength(200, MinimumLength = 1)] public string Name { get; set; } = "";
    [Required, RegularExpression("^[0-9a-fA-F]{64}$")] public string Sha256 { get; set; } = "";
    public ApiRole Role { get; set; } = ApiRole.Client;

    // Data annotations do not reach into the items of a bound list, so the options check calls this for each key.
    public static bool IsValid(ApiKeyOptions key) =>
        key.Name.Length is > 0 and <= 200 && key.Sha256.Length == 64 && key.Sha256.All(char.IsAsciiHexDigit);
}
