import QtQuick
import "../../keys"

// Ukrainian letters, ЙЦУКЕН (ґ at the end of the lowest row: no key hides letters behind a long
// press; the apostrophe is on the digits page).
LetterLayout {
    columns: 12
    rows: ["йцукенгшщзхї", "фівапролджє", "ячсмитьбюґ"]
}
