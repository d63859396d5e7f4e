trigger VclContactPhoneKeyTrigger on Contact(before insert, before update) {
  VclPhoneKeyTriggerHandler.handle(Trigger.new);
}
