using System.Text;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;

namespace Conveyor.EndToEnd.Tests.MalformedInput;

/// <summary>
/// Generates, from a surface's OpenAPI document, hundreds of requests that break it: bad path parameters, junk after
/// every path, bad query values, and bodies broken at every level (bytes, JSON, root type, each field's type, enum and
/// bounds). Each is invalid by the document itself, so any 2xx is a finding, as is any 5xx.
/// </summary>
public static class MalformedRequests
{
    static readonly string[] BadPathValues =
        ["not-a-uuid", "%00", "%01", "%7F", "%FF", "%C3%28", "%ED%A0%80", "..%2F..%2Fetc", "%0D%0AX-Injected:%201", "-1",
         "00000000-0000-0000-0000-00000000000g", new string('a', 3000)];

    static readonly string[] PathJunk = ["%00", "%FF", "..%2F", "%25", new string('x', 5000)];

    /// <param name="document">The surface's OpenAPI document.</param>
    /// <param name="moreExamples">
    /// Valid bodies beyond the document's one example per operation (keyed <c>"POST /path"</c>), so that fields the
    /// example does not use (a container job's image) are broken too.
    /// </param>
    public static IEnumerable<MalformedRequest> For(JsonNode document, IReadOnlyDictionary<string, JsonNode[]>? moreExamples = null)
    {
        foreach (var operation in OpenApiOperation.All(document))
        {
            foreach (var request in PathFaults(operation)) yield return request;
            foreach (var request in QueryFaults(operation)) yield return request;
            if (operation.Example is null)
                continue;
            foreach (var request in BodyFaults(document, operation)) yield return request;
            foreach (var example in moreExamples?.GetValueOrDefault(operation.Name) ?? [])
            {
                foreach (var request in FieldFaults(document, operation with { Example = example })) yield return request;
            }
        }
    }

    static string WithIds(string template) =>
        Regex.Replace(template, "{[^}]+}", _ => Guid.NewGuid().ToString());

    /// <summary>A body for operations that need one, so that only the part under test is wrong.</summary>
    static byte[]? ValidBody(OpenApiOperation operation) =>
        operation.Example is { } example ? Encoding.UTF8.GetBytes(example.ToJsonString()) : null;

    static IEnumerable<MalformedRequest> PathFaults(OpenApiOperation operation)
    {
        var body = ValidBody(operation);
        foreach (var parameter in operation.Parameters.Where(p => (string?)p["in"] == "path"))
        {
            var name = (string)parameter["name"]!;
            var pattern = (string?)parameter["schema"]?["pattern"];
            // A surface whose ids are not UUIDs says which are valid: only values its pattern rules out are faults.
            foreach (var value in BadPathValues.Where(v => pattern is null || !Regex.IsMatch(Uri.UnescapeDataString(v), pattern)))
            {
                var path = WithIds(operation.PathTemplate.Replace("{" + name + "}", "\u0001"))
                    .Replace("\u0001", value);
                yield return new MalformedRequest($"path {name} = {Shorten(value)}", operation.Method, path, body);
            }
        }
        foreach (var junk in PathJunk)
            yield return new MalformedRequest($"junk {Shorten(junk)} after the path", operation.Method,
                WithIds(operation.PathTemplate) + "/" + junk, body);
    }

    static IEnumerable<MalformedRequest> QueryFaults(OpenApiOperation operation)
    {
        var path = WithIds(operation.PathTemplate);
        var body = ValidBody(operation);
        foreach (var parameter in operation.Parameters.Where(p => (string?)p["in"] == "query"))
        {
            var name = (string)parameter["name"]!;
            var schema = parameter["schema"]?.AsObject() ?? [];
            foreach (var value in BadQueryValues(schema))
                yield return new MalformedRequest($"query {name} = {Shorten(value)}", operation.Method,
                    $"{path}?{name}={value}", body);
        }
    }

    /// <summary>Values the parameter's own schema rules out.</summary>
    static IEnumerable<string> BadQueryValues(JsonObject schema)
    {
        yield return "%00";
        yield return "a%00b";
        switch ((string?)schema["type"])
        {
            case "integer":
                yield return "abc";
                yield return "1.5";
                yield return "99999999999999999999";
                if (schema["minimum"] is { } min)
                    yield return ((long)min - 1).ToString();
                if (schema["maximum"] is { } max)
                    yield return ((long)max + 1).ToString();
                break;
            case "boolean":
                yield return "maybe";
                yield return "2";
                break;
        }
        if (schema["enum"] is JsonArray)
        {
            yield return "bogus";
            yield return "%FF";
        }
    }

    static IEnumerable<MalformedRequest> BodyFaults(JsonNode document, OpenApiOperation operation)
    {
        var path = WithIds(operation.PathTemplate);
        var example = operation.Example!.ToJsonString();
        MalformedRequest Body(string fault, byte[] bytes) => new(fault, operation.Method, path, bytes);
        MalformedRequest Text(string fault, string text) => Body(fault, Encoding.UTF8.GetBytes(text));

        yield return Body("no body", []);
        yield return Body("bytes that are not UTF-8", [.. Encoding.UTF8.GetBytes(example[..^1] + ",\"x\":\""), 0xFF, 0xFE, 0xC3, 0x28, .. "\"}"u8.ToArray()]);
        yield return Body("a lone continuation byte", [0x80]);
        yield return Text("truncated JSON", example[..(example.Length / 2)]);
        yield return Text("trailing garbage", example + "}{");
        yield return Text("a comment", "/* hi */" + example);
        yield return Text("nested 500 deep", new string('[', 500) + new string(']', 500));
        foreach (var root in new[] { "null", "true", "42", "\"text\"", "[]", "{}", "[null]", "[[]]" })
        {
            // A list is the right root for a batch; its items' faults are answered item by item.
            if (!(operation.ItemErrors && root.StartsWith('[')))
                yield return Text($"root {root}", root);
        }
        yield return Text("NUL in a string", InjectIntoFirstString(example, "\\u0000"));
        yield return Text("lone high surrogate in a string", InjectIntoFirstString(example, "\\ud800"));
        yield return Text("lone low surrogate in a string", InjectIntoFirstString(example, "\\udc00"));
        yield return Text("NUL in a property name", example.Length > 2 && example[0] == '{' ? "{\"a\\u0000\":1," + example[1..] : "{\"a\\u0000\":1}");

        foreach (var request in FieldFaults(document, operation))
            yield return request;
    }

    static IEnumerable<MalformedRequest> FieldFaults(JsonNode document, OpenApiOperation operation)
    {
        if (operation.BodySchema is not { } schema || operation.ItemErrors)
            yield break;
        var path = WithIds(operation.PathTemplate);
        foreach (var (fault, body) in FieldFaults(document, schema, operation.Example!))
            yield return new MalformedRequest(fault, operation.Method, path, Encoding.UTF8.GetBytes(body.ToJsonString()));
    }

    static string InjectIntoFirstString(string json, string escaped)
    {
        var quote = json.IndexOf(":\"", StringComparison.Ordinal);
        return quote < 0 ? "{\"x\":\"" + escaped + "\"}" : json[..(quote + 2)] + escaped + json[(quote + 2)..];
    }

    /// <summary>
    /// Each field the example uses, and each required one, made wrong in each way its schema forbids. Fields the example
    /// does not use may not apply to it (a binary job has no image), so they are broken through another example.
    /// </summary>
    static IEnumerable<(string Fault, JsonNode Body)> FieldFaults(JsonNode document, JsonObject schema, JsonNode example)
    {
        if ((string?)schema["type"] == "array" && schema["items"] is { } items && example is JsonArray { Count: > 0 })
        {
            foreach (var (fault, item) in FieldFaults(document, OpenApiOperation.Resolve(document, items), example[0]!))
            {
                var body = example.DeepClone().AsArray();
                body[0] = item;
                yield return ($"item 0: {fault} ({Shorten(item.ToJsonString())})", body);
            }
            yield break;
        }
        if (example is not JsonObject exampleObject || schema["properties"] is not JsonObject properties)
            yield break;
        var required = (schema["required"]?.AsArray() ?? []).Select(r => (string)r!).ToHashSet();
        foreach (var name in required)
        {
            var body = exampleObject.DeepClone().AsObject();
            body.Remove(name);
            yield return ($"required {name} missing", body);
        }
        foreach (var (name, node) in properties.Where(p => exampleObject.ContainsKey(p.Key) || required.Contains(p.Key)))
        {
            var property = OpenApiOperation.Resolve(document, node!);
            foreach (var (fault, value) in WrongValues(property, required.Contains(name)))
            {
                var body = exampleObject.DeepClone().AsObject();
                body[name] = value;
                yield return ($"{name}: {fault}", body);
            }
        }
    }

    static IEnumerable<(string Fault, JsonNode? Value)> WrongValues(JsonObject property, bool required)
    {
        var type = (string?)property["type"];
        var nullable = property["nullable"]?.GetValue<bool>() == true
                       || property["type"] is JsonArray types && types.Any(t => (string?)t == "null");
        if (required && !nullable)
            yield return ("null", null);
        if (type is null)
            yield break;
        if (type != "string")
            yield return ("a string", JsonValue.Create("x"));
        if (type is not ("integer" or "number"))
            yield return ("a number", JsonValue.Create(42));
        if (type != "boolean")
            yield return ("a boolean", JsonValue.Create(true));
        if (type != "array")
            yield return ("an array", new JsonArray());
        if (type != "object")
            yield return ("an object", new JsonObject());
        if (type == "integer")
        {
            yield return ("a fraction", JsonValue.Create(1.5));
            yield return ("beyond 64 bits", JsonNode.Parse("123456789012345678901234567890"));
            if (property["minimum"] is { } min)
                yield return ("below the minimum", JsonValue.Create((long)min - 1));
            if (property["maximum"] is { } max)
                yield return ("above the maximum", JsonValue.Create((long)max + 1));
        }
        if (type == "string")
        {
            if (property["enum"] is JsonArray)
                yield return ("outside the enum", JsonValue.Create("bogus-value"));
            if (property["maxLength"] is { } maxLength)
                yield return ("too long", JsonValue.Create(new string('a', (int)maxLength + 1)));
            if (property["minLength"] is { } minLength && (int)minLength > 0)
                yield return ("empty", JsonValue.Create(""));
        }
        if (type == "array" && property["items"]?["type"] is { } itemType && (string?)itemType == "string")
            yield return ("an array holding a number", new JsonArray(1));
    }

    static string Shorten(string value) => value.Length > 24 ? $"{value[..12]}…({value.Length} chars)" : value;
}
