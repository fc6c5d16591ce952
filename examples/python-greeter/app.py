"""The greeter world implemented in Python; componentize-py turns it into a component."""
import wit_world
from componentize_py_types import Err
from wit_world import Visitor


class WitWorld(wit_world.WitWorld):
    def greet(self, name: str) -> str:
        return "Hello, " + name + "!"

    def add(self, a: int, b: int) -> int:
        return a + b

    def welcome(self, who: Visitor) -> Visitor:
        if not who.name:
            raise Err("a visitor needs a name")
        return Visitor(name=who.name, visits=who.visits + 1)

    def words(self, sentence: str) -> list[str]:
        return sorted(sentence.split(), key=lambda word: (-len(word), word))
