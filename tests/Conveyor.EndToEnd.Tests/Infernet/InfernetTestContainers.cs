namespace Conveyor.EndToEnd.Tests.Infernet;

/// <summary>
/// The containers the test stacks' API offers Infernet clients, all from the local busybox image: <c>echo</c> and
/// <c>echo2</c> pass their input on, <c>wrap</c> wraps it as <c>{"wrapped": input}</c>, <c>fail</c> always fails,
/// <c>text</c> prints something that is not JSON, <c>internal</c> may only follow another, and <c>restricted</c> only
/// answers an address the tests never have.
/// </summary>
public static class InfernetTestContainers
{
    public const string Image = "conveyor/busybox:latest";

    static readonly (string Id, bool External, string[] Command, string? AllowedIp)[] Containers =
    [
        ("echo", true, ["cat"], null),
        ("echo2", true, ["cat"], null),
        ("wrap", true, ["sh", "-c", "printf '{\"wrapped\":'; cat; printf '}'"], null),
        ("fail", true, ["sh", "-c", "cat >/dev/null; echo 'the model fell over' >&2; exit 3"], null),
        ("text", true, ["sh", "-c", "cat >/dev/null; echo plain words"], null),
        ("internal", false, ["cat"], null),
        ("restricted", true, ["cat"], "10.255.255.0/24"),
    ];

    /// <summary>The API's settings, as environment variables.</summary>
    public static Dictionary<string, string> Settings()
    {
        var settings = new Dictionary<string, string>();
        for (var i = 0; i < Containers.Length; i++)
        {
            var (id, external, command, allowed) = Containers[i];
            var prefix = $"Infernet__Containers__{i}__";
            settings[prefix + "Id"] = id;
            settings[prefix + "Image"] = Image;
            settings[prefix + "External"] = external ? "true" : "false";
            settings[prefix + "Description"] = $"test container {id}";
            for (var a = 0; a < command.Length; a++)
                settings[$"{prefix}Command__{a}"] = command[a];
            if (allowed is not null)
                settings[prefix + "AllowedIps__0"] = allowed;
        }
        return settings;
    }
}
