using System.Text.Json.Nodes;

namespace Conveyor.EndToEnd.Tests.MalformedInput;

/// <summary>One operation of a surface's OpenAPI document, with its schema references resolved.</summary>
public sealed record OpenApiOperation(string Method, string PathTemplate, IReadOnlyList<JsonObject> Parameters, JsonNode? Example,
    JsonObject? BodySchema)
{
    /// <summary>
    /// A batch whose items fail one by one inside a 200 (<c>x-conveyor-item-errors</c>): only faults of the body as a
    /// whole must be a 4xx there.
    /// </summary>
    public bool ItemErrors { get; init; }

    public string Name => $"{Method} {PathTemplate}";

    public static IReadOnlyList<OpenApiOperation> All(JsonNode document)
    {
        var operations = new List<OpenApiOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, node) in item!.AsObject())
            {
                if (method is not ("get" or "post" or "put" or "delete" or "patch"))
                    continue;
                var parameters = (node!["parameters"]?.AsArray() ?? []).Select(p => Resolve(document, p!)).ToList();
                var body = node["requestBody"]?["content"]?["application/json"];
                var example = body?["example"] ?? body?["examples"]?.AsObject().FirstOrDefault().Value?["value"];
                var schema = body?["schema"] is { } s ? Resolve(document, s) : null;
                operations.Add(new OpenApiOperation(method.ToUpperInvariant(), path, parameters, example, schema)
                {
                    ItemErrors = node["x-conveyor-item-errors"]?.GetValue<bool>() == true,
                });
            }
        }
        return operations;
    }

    /// <summary>Follows <c>$ref</c> to <c>#/components/...</c>; the document is this repository's own.</summary>
    public static JsonObject Resolve(JsonNode document, JsonNode node)
    {
        while (node["$ref"]?.GetValue<string>() is { } reference)
        {
            var target = document;
            foreach (var part in reference.TrimStart('#', '/').Split('/'))
                target = target[part]!;
            node = target;
        }
        return node.AsObject();
    }
}
