namespace Conveyor.Api.Http;

/// <summary>
/// Text that PostgreSQL can store. A NUL character, or half of a UTF-16 surrogate pair (JSON can spell both as
/// <c>\u0000</c> and <c>\ud800</c>), is refused by the database as a fault, after the request has been accepted; it is
/// refused here instead, as bad input.
/// </summary>
public static class StorableText
{
    public static bool IsStorable(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
                return false;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                    return false;
                i++;
            }
            else if (char.IsLowSurrogate(c))
                return false;
        }
        return true;
    }

    public const string Problem = "must not contain NUL characters or unpaired surrogates";
}
