import QtQuick
import "../../keys"

// Latin letters, QWERTY: web and e-mail addresses, and the learner's English.
LetterLayout {
    columns: 10
    latin: true
    rows: ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
}
