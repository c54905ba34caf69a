import QtQuick
import QtQuick.VirtualKeyboard.Components
import "../../../components"
import "../../keys"

// Bulgarian letters in the order asked for (KeyboardState.cyrillicOrder): the Bulgarian
// phonetic layout (ЯВЕРТЪ, as in Qt's own Bulgarian keyboard) by default, ЙЦУКЕН or А Б В
// when a lesson asks.
KeyboardLayoutLoader {
    sourceComponent: KeyboardState.cyrillicOrder === "jcuken" ? jcuken
                   : KeyboardState.cyrillicOrder === "alphabetical" ? alphabetical : phonetic
    Component {
        id: phonetic
        LetterLayout {
            columns: 11
            rows: ["явертъуиопч", "асдфгхйклшщ", "зьцжбнмю"]
        }
    }
    Component {
        id: jcuken
        LetterLayout {
            columns: 11
            rows: ["йцукенгшщзх", "фъвапролдж", "ячсмитьбю"]
        }
    }
    Component {
        id: alphabetical
        LetterLayout {
            columns: 12
            rows: ["абвгдежзий", "клмнопрсту", "фхцчшщъьюя"]
        }
    }
}
