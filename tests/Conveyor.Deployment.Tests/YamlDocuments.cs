using YamlDotNet.RepresentationModel;

namespace Conveyor.Deployment.Tests;

/// <summary>A parsed YAML file as plain nodes, with small helpers to walk mappings by key.</summary>
public static class YamlDocuments
{
    public static IReadOnlyList<YamlMappingNode> Load(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().ToList();
    }

    public static YamlNode? At(this YamlNode node, params string[] path)
    {
        var current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out var next))
                return null;
            current = next;
        }
        return current;
    }

    public static string? Text(this YamlNode node, params string[] path) => (node.At(path) as YamlScalarNode)?.Value;

    public static IEnumerable<YamlNode> Items(this YamlNode node, params string[] path) =>
        node.At(path) is YamlSequenceNode sequence ? sequence.Children : [];

    public static IEnumerable<(string Key, YamlNode Value)> Entries(this YamlNode node, params string[] path) =>
        node.At(path) is YamlMappingNode mapping ? mapping.Children.Select(c => (((YamlScalarNode)c.Key).Value!, c.Value)) : [];
}
