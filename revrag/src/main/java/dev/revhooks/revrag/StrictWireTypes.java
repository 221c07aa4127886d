package dev.revhooks.revrag;

import java.util.List;

/**
 * An array of objects holds no {@code null}. (UUIDs and date-times are read strictly by the
 * shared JSON set-up itself.)
 */
final class StrictWireTypes {

    private StrictWireTypes() {
    }

    /**
     * A JSON array of objects as an immutable list: absent or {@code null} reads as empty; a
     * {@code null} element is refused with a message naming the field (a payload error when parsing).
     *
     * @param <T> the element type
     * @param elements the array as read, or null
     * @param field the wire name of the array
     * @return an immutable copy
     * @throws IllegalArgumentException when an element is null
     */
    static <T> List<T> array(List<T> elements, String field) {
        if (elements == null) {
            return List.of();
        }
        for (T element : elements) {
            if (element == null) {
                throw new IllegalArgumentException(field + " has a null element");
            }
        }
        return List.copyOf(elements);
    }
}
