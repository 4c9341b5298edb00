using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Conveyor.Persistence.Jobs;

/// <summary>Stores a small object graph as one jsonb column.</summary>
internal static class JsonColumn
{
    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static ValueConverter<T, string> Converter<T>() where T : new() =>
        new(value => JsonSerializer.Serialize(value, Options), json => JsonSerializer.Deserialize<T>(json, Options) ?? new T());

    /// <summary>
    /// For a value the code edits in place (a job's attempts): compared by its serialised form, so that an edit is saved.
    /// That costs a serialisation and a deserialisation when a row is loaded and two serialisations when it is saved.
    /// </summary>
    public static ValueComparer<T> Comparer<T>() where T : new() =>
        new(
            (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
            value => JsonSerializer.Serialize(value, Options).GetHashCode(),
            value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Options), Options) ?? new T());

    /// <summary>
    /// For a value the code only ever replaces, never edits (a job's definition, set once when it is submitted; the step
    /// results of the latest report): compared by reference, with no copy kept. The deep comparer above, on all six jsonb
    /// columns, made EF's snapshots and change detection about 5% of the scheduler's CPU samples; for these it bought nothing.
    /// </summary>
    public static ValueComparer<T> ReplacedOnly<T>() where T : class =>
        new(
            (a, b) => ReferenceEquals(a, b),
            value => RuntimeHelpers.GetHashCode(value),
            value => value);
}
