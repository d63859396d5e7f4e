trigger ContactPhoneKeyTrigger on Contact(before insert, before update) {
  PhoneKeyTriggerHandler.handle(Trigger.new);
}
